"""put_nowait() wakes the first getter, but get_nowait() in the same step takes the item: the
woken getter finds the queue empty and waits again."""
import asyncio

from counted_loop import run


async def scenario(note):
    queue = asyncio.Queue()

    async def getter():
        note(f"getter_got={await queue.get()}")

    task = asyncio.create_task(getter())
    await asyncio.sleep(0)
    queue.put_nowait("a")
    note(f"main_took={queue.get_nowait()}")
    await asyncio.sleep(0)
    note(f"getters={len(queue._getters)}")
    note(f"getter_done={task.done()}")
    queue.put_nowait("b")
    await task
    note("main")


run(scenario)
