# A waiter cancelled while waiting for a Lock passes its turn to the next waiter.
import asyncio


async def user(lock, name):
    try:
        async with lock:
            print(name, "got the lock")
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(user(lock, "a"))
    b = asyncio.create_task(user(lock, "b"))
    c = asyncio.create_task(user(lock, "c"))
    await asyncio.sleep(0)
    lock.release()
    a.cancel()
    results = await asyncio.gather(a, b, c, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print("locked at the end:", lock.locked())


asyncio.run(main())
