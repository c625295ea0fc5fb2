"""A waiter notified, then cancelled while it waits for the lock again, still ends holding the
lock, and raises a CancelledError of its own (without the cancel message). Cancelled while
waiting for notify, the original CancelledError (with its message) comes out."""
import asyncio

from counted_loop import run


async def scenario(note):
    cond = asyncio.Condition()

    async def waiter(name):
        await cond.acquire()
        try:
            await cond.wait()
        except asyncio.CancelledError as error:
            note(f"{name}_cancelled_locked={cond.locked()}_args={len(error.args)}")
            raise
        finally:
            cond.release()

    t1 = asyncio.create_task(waiter("t1"))
    t2 = asyncio.create_task(waiter("t2"))
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    note(f"lock_waiters={len(cond._lock._waiters)}")
    t1.cancel("stop")
    t2.cancel("stop")
    await asyncio.sleep(0)
    note("main_releases")
    cond.release()
    for task in (t1, t2):
        try:
            await task
        except asyncio.CancelledError:
            note(f"cancelled={task.cancelled()}")


run(scenario)
