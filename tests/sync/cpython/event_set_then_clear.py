"""set() then clear() in one step: the waiters' futures are already resolved, so they wake."""
import asyncio

from counted_loop import run


async def scenario(note):
    event = asyncio.Event()

    async def waiter(name):
        note(f"{name}={await event.wait()}")

    t1 = asyncio.create_task(waiter("t1"))
    await asyncio.sleep(0)
    event.set()
    event.clear()
    note(f"is_set={event.is_set()}")
    await t1
    note("main")


run(scenario)
