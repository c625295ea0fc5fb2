"""A getter woken by put_nowait() and cancelled before it runs passes the wake-up to the next
getter, which takes the item."""
import asyncio

from counted_loop import run


async def scenario(note):
    queue = asyncio.Queue()

    async def getter(name):
        try:
            item = await queue.get()
        except asyncio.CancelledError:
            note(f"{name}_cancelled")
            raise
        note(f"{name}_got={item}")

    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    await asyncio.sleep(0)
    queue.put_nowait("a")
    g1.cancel()
    await g2
    note(f"g1_cancelled={g1.cancelled()}")


run(scenario)
