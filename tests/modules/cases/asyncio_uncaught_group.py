import asyncio


async def bad(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"bad {n}")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(asyncio.sleep(1))


asyncio.run(main())
