"""wait_for(predicate) re-checks the predicate after each wake-up and returns its value."""
import asyncio

from counted_loop import run


async def scenario(note):
    cond = asyncio.Condition()
    counter = 0

    async def waiter():
        await cond.acquire()
        try:
            result = await cond.wait_for(lambda: counter if counter >= 2 else 0)
            note(f"waiter={result}")
        finally:
            cond.release()

    task = asyncio.create_task(waiter())
    for _ in range(3):
        await asyncio.sleep(0)
        await cond.acquire()
        counter += 1
        note(f"counter={counter}")
        cond.notify()
        cond.release()
    await task
    note("main")


run(scenario)
