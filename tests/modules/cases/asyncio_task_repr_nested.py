import asyncio


async def inner():
    await asyncio.sleep(0.1)


async def middle():
    print("middle starts")
    await inner()


async def outer():
    await middle()


async def main():
    t = asyncio.create_task(outer(), name="nested")
    print(t)
    await asyncio.sleep(0)
    print(t)
    await asyncio.sleep(0.2)
    print(t)


asyncio.run(main())
