import asyncio


async def main():
    queue = asyncio.Queue()
    await queue.put("job")
    await queue.join()


asyncio.run(main())
