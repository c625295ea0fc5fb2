"""Four waiters, each holding the lock only within one step: one hand-off per iteration."""
import asyncio

from counted_loop import run


async def scenario(note):
    lock = asyncio.Lock()
    await lock.acquire()

    async def worker(name):
        await lock.acquire()
        note(name)
        lock.release()

    tasks = [asyncio.create_task(worker(f"w{i}")) for i in range(1, 5)]
    await asyncio.sleep(0)
    note("release")
    lock.release()
    for task in tasks:
        await task
    note("main")


run(scenario)
