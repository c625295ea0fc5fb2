# asyncio.wait_for of a builtin awaitable (q.get(), asyncio.sleep(...), lock.acquire(),
# event.wait()) awaits it inline in its own task, as CPython 3.12 does for any coroutine: no
# task is made for it, so the Task-N names that follow are CPython's. A timeout <= 0 is the
# exception: then wait_for wraps the awaitable in a task (ensure_future).
import asyncio


async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.05)
    except TimeoutError:
        print("timeout")
    print(await asyncio.wait_for(asyncio.sleep(0.01, "slept"), 1))
    t = asyncio.create_task(asyncio.sleep(0))
    print(t.get_name())
    await t

    lock = asyncio.Lock()
    print(await asyncio.wait_for(lock.acquire(), 1), lock.locked())
    event = asyncio.Event()
    try:
        await asyncio.wait_for(event.wait(), 0.02)
    except TimeoutError:
        print("event timeout, set:", event.is_set())
    asyncio.get_running_loop().call_later(0.01, event.set)
    print(await asyncio.wait_for(event.wait(), None))
    q.put_nowait("item")
    print(await asyncio.wait_for(q.get(), None))

    # Inline: the awaitable runs in the caller's task.
    async def who():
        return asyncio.current_task().get_name()

    print("coroutine runs in", await asyncio.wait_for(who(), 1))
    t = asyncio.create_task(asyncio.sleep(0))
    print(t.get_name())
    await t

    # timeout <= 0: a task of its own (Task-N taken), cancelled at once unless done.
    try:
        await asyncio.wait_for(q.get(), 0)
    except TimeoutError:
        print("timeout 0")
    q.put_nowait("ready")
    try:
        print(await asyncio.wait_for(q.get(), 0))
    except TimeoutError:
        print("timeout 0 again")
    t = asyncio.create_task(asyncio.sleep(0))
    print(t.get_name())
    await t
    print(sorted(task.get_name() for task in asyncio.all_tasks()))


asyncio.run(main())
