# The awaitables a task's host waits on without a coroutine of its own (asyncio.sleep, a lock's
# or semaphore's acquire, `async with`'s __aexit__, a queue's get, put and join, an event's or
# condition's wait): awaited by a task, wrapped in a task, under wait_for, cancelled while they
# wait, awaited twice.
import asyncio


async def await_twice(awaitable):
    print("first:", await awaitable)
    try:
        await awaitable
    except RuntimeError as e:
        print("second: RuntimeError:", e)


async def getter(queue, name):
    try:
        value = await queue.get()
        print(name, "got", value)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise


async def holder(lock):
    async with lock:
        await asyncio.sleep(0.05)


async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    queue.put_nowait(1)
    print("a task running queue.get() returns", await task)
    try:
        await asyncio.wait_for(queue.get(), 0.1)
    except TimeoutError:
        print("wait_for(queue.get(), 0.1) timed out")
    waiting = asyncio.create_task(getter(queue, "getter"))
    await asyncio.sleep(0)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        print("the getter's task is cancelled:", waiting.cancelled())

    semaphore = asyncio.Semaphore(1)
    await await_twice(semaphore.acquire())
    print("semaphore locked:", semaphore.locked())
    semaphore.release()
    async with semaphore:
        print("inside async with semaphore, locked:", semaphore.locked())
    print("after it, locked:", semaphore.locked())

    lock = asyncio.Lock()
    print("lock.acquire() returns", await lock.acquire())
    second = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("a second acquirer waits:", not second.done())
    lock.release()
    print("then acquires:", await second, lock.locked())
    lock.release()
    blocker = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except TimeoutError:
        print("wait_for(lock.acquire(), 0.01) timed out, locked:", lock.locked())
    await blocker
    print("released:", not lock.locked())

    condition = asyncio.Condition()
    async with condition:
        print("inside async with condition, locked:", condition.locked())

    await await_twice(asyncio.sleep(0, "slept 0"))
    print(await asyncio.sleep(0.01, "slept 0.01"))
    print(await asyncio.create_task(asyncio.sleep(0.01, "a task running sleep")))
    print(await asyncio.wait_for(asyncio.sleep(0.01, "sleep under wait_for"), 1))

    bounded = asyncio.Queue(1)
    await bounded.put("first")
    putter = asyncio.create_task(bounded.put("second"))
    await asyncio.sleep(0)
    print("put waits on a full queue:", not putter.done())
    print(await bounded.get(), await bounded.get(), putter.done())

    event = asyncio.Event()
    setter = asyncio.get_running_loop().call_later(0.01, event.set)
    print("event.wait() returns", await event.wait(), "after", setter.cancelled() is False)
    event.clear()
    event_waiter = asyncio.create_task(event.wait())
    await asyncio.sleep(0)
    event_waiter.cancel()
    try:
        await event_waiter
    except asyncio.CancelledError:
        print("a task waiting on the event is cancelled:", event_waiter.cancelled())
    try:
        await asyncio.wait_for(event.wait(), 0.01)
    except TimeoutError:
        print("wait_for(event.wait(), 0.01) timed out")

    async def notifier():
        async with condition:
            condition.notify_all()

    async with condition:
        asyncio.create_task(notifier())
        print("condition.wait() returns", await condition.wait())
    try:
        await condition.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

    joined = asyncio.Queue()
    joined.put_nowait("job")

    async def worker():
        job = await joined.get()
        await asyncio.sleep(0.01)
        print("worker did", job)
        joined.task_done()

    asyncio.create_task(worker())
    print("queue.join() returns", await joined.join())

    class NotAwaitable:
        pass

    try:
        await NotAwaitable()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
