import asyncio


async def hog(lock):
    await lock.acquire()
    print("hog has the lock and never releases it")


async def main():
    lock = asyncio.Lock()
    await hog(lock)
    async with lock:
        print("never printed")


asyncio.run(main())
