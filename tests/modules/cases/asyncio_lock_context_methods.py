# A Lock's, a Semaphore's and a Condition's __aenter__ and __aexit__ are CPython's `async def`s
# (asyncio.locks._ContextManagerMixin): calling one only makes a coroutine. The release happens
# when the coroutine runs, so __aexit__ of an unlocked lock raises at the `await`, not at the
# call; a coroutine closed unawaited releases nothing, and one dropped unawaited warns.
import asyncio

lock = asyncio.Lock()
semaphore = asyncio.Semaphore(0)
condition = asyncio.Condition()
# Made before any loop runs, as CPython allows, and closed.
for early in (lock.__aenter__(), semaphore.__aenter__(), condition.__aenter__(),
              lock.__aexit__(None, None, None)):
    print("early:", type(early).__name__, asyncio.iscoroutine(early))
    early.close()


async def main():
    # Normal use, by `async with` and by hand.
    async with lock:
        print("async with:", lock.locked())
    print("after async with:", lock.locked())
    print("__aenter__ returns", await lock.__aenter__(), lock.locked())
    print("__aexit__ returns", await lock.__aexit__(None, None, None), lock.locked())

    # Calling __aexit__ of an unlocked lock raises nothing yet; awaiting it does.
    exiting = lock.__aexit__(None, None, None)
    print("called:", type(exiting).__name__, asyncio.iscoroutine(exiting), lock.locked())
    try:
        await exiting
    except RuntimeError as e:
        print("awaited:", repr(e))
    try:
        await exiting
    except RuntimeError as e:
        print("awaited again:", repr(e))

    # A lock held: the call leaves it held until the await.
    await lock.acquire()
    exiting = lock.__aexit__(None, None, None)
    print("held, __aexit__ called:", lock.locked())
    await exiting
    print("held, __aexit__ awaited:", lock.locked())

    # Closed before it ran: nothing is released.
    await lock.acquire()
    closed = lock.__aexit__(None, None, None)
    closed.close()
    print("closed unawaited:", lock.locked())
    lock.release()

    # Semaphore: the unit comes back at the await.
    exiting = semaphore.__aexit__(None, None, None)
    print("semaphore called:", semaphore.locked())
    await exiting
    print("semaphore awaited:", semaphore.locked())
    async with semaphore:
        print("semaphore inside:", semaphore.locked())

    # BoundedSemaphore: released too many times at the await.
    bounded = asyncio.BoundedSemaphore(1)
    exiting = bounded.__aexit__(None, None, None)
    print("bounded called:", bounded.locked())
    try:
        await exiting
    except ValueError as e:
        print("bounded awaited:", repr(e))

    # Condition: its lock's error, at the await.
    exiting = condition.__aexit__(None, None, None)
    print("condition called:", condition.locked())
    try:
        await exiting
    except RuntimeError as e:
        print("condition awaited:", repr(e))
    async with condition:
        condition.notify_all()
        print("condition inside:", condition.locked())

    # Run as a task: the task fails with the error.
    task = asyncio.create_task(asyncio.Lock().__aexit__(None, None, None))
    await asyncio.sleep(0)
    print(task)
    print("task:", repr(task.exception()))

    # Dropped unawaited: "was never awaited", and nothing was acquired or released.
    lock.__aenter__()
    semaphore.__aenter__()
    condition.__aenter__()
    lock.__aexit__(None, None, None)
    print("dropped:", lock.locked(), semaphore.locked(), condition.locked())


asyncio.run(main())
