"""Two release() calls in one step wake two waiters in the same iteration."""
import asyncio

from counted_loop import run


async def scenario(note):
    sem = asyncio.Semaphore(0)

    async def worker(name):
        await sem.acquire()
        note(name)

    tasks = [asyncio.create_task(worker(f"w{i}")) for i in range(1, 4)]
    await asyncio.sleep(0)
    note("release2")
    sem.release()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    note(f"locked={sem.locked()}")
    sem.release()
    for task in tasks:
        await task
    note("main")


run(scenario)
