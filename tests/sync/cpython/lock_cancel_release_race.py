"""LockTests.test_cancel_release_race (bpo-32734): cancelling the first waiter in the step that
releases the lock lets exactly one other waiter take it."""
import asyncio

from counted_loop import run


async def scenario(note):
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    lock_count = 0
    call_count = 0

    async def lockit(name):
        nonlocal lock_count, call_count
        call_count += 1
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            note(f"{name}_cancelled")
            raise
        lock_count += 1
        note(f"{name}_locked")

    def trigger():
        note("trigger")
        t1.cancel()
        lock.release()

    await lock.acquire()
    t1 = asyncio.create_task(lockit("t1"))
    t2 = asyncio.create_task(lockit("t2"))
    t3 = asyncio.create_task(lockit("t3"))
    await asyncio.sleep(0)
    loop.call_soon(trigger)
    try:
        await t1
    except asyncio.CancelledError:
        note("t1_awaited")
    note(f"lock_count={lock_count}")
    note(f"call_count={call_count}")
    note(f"t1_cancelled={t1.cancelled()}")
    note(f"t2_done={t2.done()}")
    t3.cancel()
    await asyncio.sleep(0)
    note(f"t3_cancelled={t3.cancelled()}")


run(scenario)
