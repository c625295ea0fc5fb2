# A TaskGroup inside a timeout, and a timeout inside a TaskGroup child.
import asyncio


async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def guarded(name):
    try:
        async with asyncio.timeout(0.01):
            await slow(name, 1)
    except TimeoutError:
        print(name, "timed out inside the group")
        return "fallback"


async def main():
    try:
        async with asyncio.timeout(0.03):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(slow("quick", 0.01))
                tg.create_task(slow("sluggish", 1))
    except TimeoutError:
        print("the group was cut short by the timeout")
    async with asyncio.TaskGroup() as tg:
        g = tg.create_task(guarded("inner"))
        q = tg.create_task(slow("sibling", 0.02))
    print(g.result(), q.result())


asyncio.run(main())
