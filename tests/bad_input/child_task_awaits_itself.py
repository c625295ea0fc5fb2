import asyncio


async def selfish():
    await asyncio.current_task()


async def main():
    await asyncio.create_task(selfish())


asyncio.run(main())
