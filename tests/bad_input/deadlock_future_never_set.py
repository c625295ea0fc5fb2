import asyncio


async def main():
    future = asyncio.get_running_loop().create_future()
    print(await future)


asyncio.run(main())
