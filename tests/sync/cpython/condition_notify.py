"""notify(n) wakes the first n waiters FIFO; each returns from wait() only once it holds the
lock again, one per iteration; notify_all() wakes the rest."""
import asyncio

from counted_loop import run


async def scenario(note):
    cond = asyncio.Condition()

    async def waiter(name):
        await cond.acquire()
        try:
            result = await cond.wait()
            note(f"{name}={result}")
        finally:
            cond.release()

    tasks = [asyncio.create_task(waiter(f"w{i}")) for i in range(1, 5)]
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify(2)
    note("notify2")
    cond.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify_all()
    note("notify_all")
    cond.release()
    for task in tasks:
        await task
    note("main")


run(scenario)
