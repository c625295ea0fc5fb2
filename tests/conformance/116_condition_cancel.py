# A task cancelled in Condition.wait() re-acquires the lock before CancelledError reaches it.
import asyncio


async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print("cancelled in wait(); holds the lock again:", cond.locked())
            raise


async def main():
    cond = asyncio.Condition()
    task = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    async with cond:
        task.cancel()
        await asyncio.sleep(0)
        print("main still holds the lock; task done?", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled(), "lock free:", not cond.locked())


asyncio.run(main())
