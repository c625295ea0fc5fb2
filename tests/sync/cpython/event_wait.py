"""EventTests.test_wait: set() wakes t1, t2 (waiting) after t3 (created, not yet started)."""
import asyncio

from counted_loop import run


async def scenario(note):
    event = asyncio.Event()

    async def waiter(name):
        if await event.wait():
            note(name)

    t1 = asyncio.create_task(waiter("t1"))
    t2 = asyncio.create_task(waiter("t2"))
    await asyncio.sleep(0)
    note("main")
    t3 = asyncio.create_task(waiter("t3"))
    event.set()
    await asyncio.sleep(0)
    note(f"done={t1.done() and t2.done() and t3.done()}")


run(scenario)
