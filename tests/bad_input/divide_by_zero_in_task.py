import asyncio


async def ratio(a, b):
    await asyncio.sleep(0)
    return a / b


async def main():
    print(await ratio(1, 0))


asyncio.run(main())
