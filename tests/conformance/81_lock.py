# Lock: FIFO hand-off, no barging, one hand-off per iteration.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def user(lock, name):
    print(name, "wants the lock")
    async with lock:
        print(name, "holds the lock")
        await asyncio.sleep(0)
        print(name, "releases")


async def main():
    lock = asyncio.Lock()
    tick = asyncio.create_task(ticker(12))
    await lock.acquire()
    print("main holds:", lock.locked())
    users = [asyncio.create_task(user(lock, n)) for n in ("u1", "u2", "u3")]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    lock.release()
    print("released by main; locked now?", lock.locked())
    await asyncio.gather(*users)
    await tick
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await lock.acquire(), lock.locked())
    lock.release()


asyncio.run(main())
