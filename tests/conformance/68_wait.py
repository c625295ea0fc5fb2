# asyncio.wait: ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION and timeouts.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in (("a", 0.03), ("b", 0.01), ("c", 0.02))]
    done, pending = await asyncio.wait(tasks)
    print("ALL_COMPLETED", names(done), names(pending), type(done).__name__)

    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in (("d", 0.04), ("e", 0.01), ("f", 0.06))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", names(done), names(pending))
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print("timeout", names(done), names(pending))
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)

    tasks = [
        asyncio.create_task(job("g", 0.01), name="g"),
        asyncio.create_task(job("h", 0.02, fail=True), name="h"),
        asyncio.create_task(job("i", 0.1), name="i"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", names(done), names(pending))
    print([repr(t.exception()) for t in sorted(done, key=lambda t: t.get_name())])
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print("after cancel", names(done), [t.cancelled() for t in done])
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    coro = job("x", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()


asyncio.run(main())
