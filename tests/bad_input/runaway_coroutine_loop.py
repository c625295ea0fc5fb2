import asyncio


async def spin():
    print("spinning")
    while True:
        pass


asyncio.run(spin())
