"""A lock whose only waiter was cancelled is free for the next acquire() at once."""
import asyncio

from counted_loop import run


async def scenario(note):
    lock = asyncio.Lock()
    await lock.acquire()

    async def waiter():
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            note("waiter_cancelled")
            raise

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    task.cancel()
    lock.release()
    note(f"locked={lock.locked()}")
    await lock.acquire()
    note(f"reacquired_locked={lock.locked()}")
    try:
        await task
    except asyncio.CancelledError:
        note("main_saw_cancel")


run(scenario)
