"""A waiter woken by release() and cancelled before it runs hands its unit to the next one."""
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
    sem.release()
    w1.cancel()
    note(f"value={sem._value}")
    await w2
    note(f"value={sem._value}")
    note(f"w1_cancelled={w1.cancelled()}")


run(scenario)
