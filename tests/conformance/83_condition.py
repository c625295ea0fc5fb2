# Condition: wait releases the lock, notify(n) wakes n waiters FIFO, wait_for(predicate).
import asyncio


async def consumer(cond, name, items):
    async with cond:
        print(name, "waiting")
        await cond.wait()
        print(name, "woke with", items)


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        items.append(1)
        cond.notify(2)
        print("notified 2, lock held:", cond.locked())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)

    state = {"ready": False}

    async def setter():
        await asyncio.sleep(0)
        async with cond:
            state["ready"] = True
            cond.notify_all()

    asyncio.create_task(setter())
    async with cond:
        result = await cond.wait_for(lambda: state["ready"])
        print("wait_for returned", result)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
