"""A waiter cancelled before any release() leaves without taking a unit: the next release()
goes to the waiter behind it."""
import asyncio

from counted_loop import run


async def scenario(note):
    sem = asyncio.Semaphore(0)

    async def worker(name):
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            note(f"{name}_cancelled")
            raise
        note(name)

    w1 = asyncio.create_task(worker("w1"))
    w2 = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0)
    w1.cancel()
    note(f"locked={sem.locked()}")
    await asyncio.sleep(0)
    note(f"value={sem._value}")
    sem.release()
    await w2
    note(f"value={sem._value}")


run(scenario)
