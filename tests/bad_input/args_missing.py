import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)


async def main():
    await worker("a")


asyncio.run(main())
