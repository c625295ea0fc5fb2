import asyncio


async def main():
    queue = asyncio.Queue()
    item = await queue.get()
    print(item)


asyncio.run(main())
