"""A task cancelled in Event.wait() leaves the waiters; set() later wakes only the others."""
import asyncio

from counted_loop import run


async def scenario(note):
    event = asyncio.Event()

    async def waiter(name):
        try:
            await event.wait()
        except asyncio.CancelledError:
            note(f"{name}_cancelled")
            raise
        note(name)

    t1 = asyncio.create_task(waiter("t1"))
    t2 = asyncio.create_task(waiter("t2"))
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    note(f"waiters={len(event._waiters)}")
    event.set()
    await t2
    note(f"t1_cancelled={t1.cancelled()}")


run(scenario)
