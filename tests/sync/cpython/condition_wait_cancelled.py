"""A waiter cancelled in wait() re-acquires the lock before CancelledError leaves wait()."""
import asyncio

from counted_loop import run


async def scenario(note):
    cond = asyncio.Condition()

    async def waiter():
        await cond.acquire()
        try:
            await cond.wait()
        except asyncio.CancelledError:
            note(f"cancelled_locked={cond.locked()}")
            raise
        finally:
            cond.release()

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    task.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    note("main_releases")
    cond.release()
    try:
        await task
    except asyncio.CancelledError:
        note(f"task_cancelled={task.cancelled()}")


run(scenario)
