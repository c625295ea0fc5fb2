import asyncio


async def use_lock(lock, name):
    async with lock:
        print(name, "has the lock", lock.locked())
        await asyncio.sleep(0.01)
    print(name, "released")


async def waiter(event, name):
    print(name, "waiting")
    print(name, "woke", await event.wait())


async def limited(sem, name):
    async with sem:
        print(name, "in", sem.locked())
        await asyncio.sleep(0.01)


async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "got", items.pop(0))


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(use_lock(lock, "a"), use_lock(lock, "b"), use_lock(lock, "c"))
    print(await lock.acquire(), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0)
    print("set", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print("is_set", event.is_set())

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, f"s{i}") for i in range(4)))
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)

    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, items, f"c{i}")) for i in range(2)]
    await asyncio.sleep(0)
    for i in range(2):
        async with cond:
            items.append(i)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*consumers)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
