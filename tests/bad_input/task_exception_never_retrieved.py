import asyncio


async def fail():
    raise ValueError("nobody looks at me")


async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
