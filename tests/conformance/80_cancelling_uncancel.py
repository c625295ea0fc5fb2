# cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio


async def worker():
    task = asyncio.current_task()
    for attempt in range(3):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("attempt", attempt, "cancelling() =", task.cancelling())
            print("uncancel() ->", task.uncancel())
    return "finished after uncancel"


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print("two requests:", t.cancelling())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    t.cancel()
    print(await t)
    print("main cancelling:", asyncio.current_task().cancelling())


asyncio.run(main())
