"""A full bounded queue blocks putters FIFO, as an empty one blocks getters; get_nowait() wakes
the first putter, and a put_nowait() in the same step barges so that putter waits again."""
import asyncio

from counted_loop import run


async def scenario(note):
    queue = asyncio.Queue(maxsize=1)

    async def putter(name, item):
        await queue.put(item)
        note(f"{name}_put")

    queue.put_nowait("x")
    p1 = asyncio.create_task(putter("p1", "a"))
    p2 = asyncio.create_task(putter("p2", "b"))
    await asyncio.sleep(0)
    note(f"full={queue.full()}")
    note(f"got={queue.get_nowait()}")
    queue.put_nowait("y")
    await asyncio.sleep(0)
    note(f"putters={len(queue._putters)}")
    note(f"got={queue.get_nowait()}")
    await asyncio.sleep(0)
    note(f"got={await queue.get()}")
    note(f"got={await queue.get()}")
    await p1
    await p2
    note(f"empty={queue.empty()}")


run(scenario)
