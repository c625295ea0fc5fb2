"""A putter woken by get_nowait() and cancelled before it runs passes the free slot to the next
putter; a putter cancelled while still waiting just leaves."""
import asyncio

from counted_loop import run


async def scenario(note):
    queue = asyncio.Queue(maxsize=1)

    async def putter(name, item):
        try:
            await queue.put(item)
        except asyncio.CancelledError:
            note(f"{name}_cancelled")
            raise
        note(f"{name}_put")

    queue.put_nowait("x")
    p1 = asyncio.create_task(putter("p1", "a"))
    p2 = asyncio.create_task(putter("p2", "b"))
    p3 = asyncio.create_task(putter("p3", "c"))
    await asyncio.sleep(0)
    p3.cancel()
    note(f"got={queue.get_nowait()}")
    p1.cancel()
    await p2
    note(f"got={queue.get_nowait()}")
    note(f"putters={len(queue._putters)}")
    note(f"cancelled={p1.cancelled()},{p3.cancelled()}")


run(scenario)
