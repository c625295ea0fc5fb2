# Tasks waiting on a semaphore (acquire() and `async with`), cancelled at each point of their
# wait: queued, woken but not yet run, and after taking the unit. A task's host awaits the
# semaphore's waiter future itself (no acquire() coroutine), so this checks that a cancelled
# waiter leaves the queue and a woken one hands its unit on, as CPython's acquire() does.
import asyncio


async def hold(sem, name, log, pause=0):
    async with sem:
        log.append(f"{name} in")
        await asyncio.sleep(pause)
        log.append(f"{name} out")


async def main():
    sem = asyncio.Semaphore(1)
    log = []

    # Queued and cancelled before any release: it takes no unit.
    first = asyncio.create_task(hold(sem, "first", log, 0.01))
    queued = asyncio.create_task(hold(sem, "queued", log))
    last = asyncio.create_task(hold(sem, "last", log))
    await asyncio.sleep(0)
    print("waiters:", repr(sem).split("[")[1])
    queued.cancel()
    await asyncio.gather(first, queued, last, return_exceptions=True)
    print(log, queued.cancelled(), sem.locked())

    # Woken by a release, then cancelled before it runs: the next waiter gets the unit.
    log.clear()
    await sem.acquire()
    woken = asyncio.create_task(hold(sem, "woken", log))
    after = asyncio.create_task(hold(sem, "after", log))
    await asyncio.sleep(0)
    sem.release()
    woken.cancel()
    await asyncio.gather(woken, after, return_exceptions=True)
    print(log, woken.cancelled(), sem.locked())

    # acquire() itself, awaited and cancelled, then a plain acquire() returns True.
    await sem.acquire()
    waiting = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        print("acquire() cancelled, locked:", sem.locked())
    sem.release()
    print("acquire() returns", await sem.acquire(), "locked:", sem.locked())

    # The awaitable of acquire() is a coroutine: awaited twice, the second fails.
    sem.release()
    acquiring = sem.acquire()
    print(type(acquiring).__name__, await acquiring)
    try:
        await acquiring
    except RuntimeError as error:
        print("RuntimeError:", error)


asyncio.run(main())
