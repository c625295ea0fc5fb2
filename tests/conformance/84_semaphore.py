# Semaphore: FIFO, no barging; two releases wake two waiters in the same iteration.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def worker(sem, name):
    async with sem:
        print(name, "in")
        await asyncio.sleep(0)
        print(name, "out")


async def holder(sem, name, steps):
    await sem.acquire()
    print(name, "acquired")
    for _ in range(steps):
        await asyncio.sleep(0)
    sem.release()
    print(name, "released")


async def main():
    sem = asyncio.Semaphore(2)
    print("locked?", sem.locked())
    tick = asyncio.create_task(ticker(14))
    tasks = [asyncio.create_task(worker(sem, f"w{i}")) for i in range(5)]
    await asyncio.gather(*tasks)
    print("locked after?", sem.locked())

    s2 = asyncio.Semaphore(0)
    waiters = [asyncio.create_task(holder(s2, f"h{i}", 1)) for i in range(2)]
    await asyncio.sleep(0)
    print("release twice")
    s2.release()
    s2.release()
    await asyncio.gather(*waiters)
    await tick
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
