import asyncio


async def main():
    gate = asyncio.Semaphore(0)
    async with gate:
        print("never")


asyncio.run(main())
