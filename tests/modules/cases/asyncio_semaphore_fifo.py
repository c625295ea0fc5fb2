import asyncio


async def job(sem, n, log):
    async with sem:
        log.append(f"start{n}")
        await asyncio.sleep([0.04, 0.015, 0.05, 0.01][n])
        log.append(f"end{n}")


async def main():
    sem = asyncio.Semaphore(2)
    log = []
    await asyncio.gather(*(job(sem, n, log) for n in range(4)))
    print(log)
    print(sem.locked(), repr(sem).endswith("[unlocked, value:2]>"))

    lock = asyncio.Lock()
    order = []

    async def hold(n):
        async with lock:
            order.append(n)
            await asyncio.sleep(0)

    await asyncio.gather(*(hold(n) for n in range(5)))
    print(order)

    cond = asyncio.Condition()
    woken = []

    async def wait_on(n):
        async with cond:
            await cond.wait()
            woken.append(n)

    tasks = [asyncio.create_task(wait_on(n)) for n in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.01)
    print(woken)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(woken)


asyncio.run(main())
