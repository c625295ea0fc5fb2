"""join() returns one iteration after the last task_done()."""
import asyncio

from counted_loop import run


async def scenario(note):
    queue = asyncio.Queue()

    async def worker():
        for _ in range(3):
            item = await queue.get()
            await asyncio.sleep(0)
            note(f"done{item}")
            queue.task_done()

    for i in range(3):
        queue.put_nowait(i)
    task = asyncio.create_task(worker())
    await queue.join()
    note("joined")
    await queue.join()
    note("joined_again")
    await task


run(scenario)
