# A coroutine awaits a task it cancelled and catches the CancelledError, and a coroutine
# awaiting it raises afterwards. The CancelledError is thrown into the outermost coroutine by
# its task and goes down the awaits to the one awaiting the task: what a coroutine above raises
# once its await returned is its own exception, and leaves the task as it is.
import asyncio


async def show(awaitable, raise_after=False):
    task = asyncio.ensure_future(awaitable)
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("show: cancelled", task.cancelled(), flush=True)
    if raise_after:
        raise KeyError("in show")
    return "shown"


async def middle(awaitable):
    result = await show(awaitable)
    print("middle got", result)
    raise RuntimeError("in middle")


async def top(awaitable):
    try:
        await middle(awaitable)
    except RuntimeError as e:
        print("top caught", repr(e))
    raise LookupError("in top")


async def script_sleeper():
    await asyncio.sleep(5)


async def case(name, make):
    try:
        await make()
    except Exception as e:
        print(name, "->", type(e).__name__, e)


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    queue = asyncio.Queue()
    event = asyncio.Event()
    semaphore = asyncio.Semaphore(0)
    loop = asyncio.get_running_loop()
    await case("sleep", lambda: show(asyncio.sleep(5), raise_after=True))
    await case("lock", lambda: show(lock.acquire(), raise_after=True))
    await case("queue", lambda: show(queue.get(), raise_after=True))
    await case("event", lambda: show(event.wait(), raise_after=True))
    await case("semaphore", lambda: show(semaphore.acquire(), raise_after=True))
    await case("script", lambda: show(script_sleeper(), raise_after=True))
    await case("future", lambda: show(loop.create_future(), raise_after=True))
    await case("nested sleep", lambda: top(asyncio.sleep(5)))
    await case("nested queue", lambda: top(queue.get()))
    await case("nested lock", lambda: top(lock.acquire()))
    await case("nested wait_for", lambda: top(asyncio.wait_for(queue.get(), 10)))
    await case("nested gather", lambda: top(asyncio.gather(asyncio.sleep(3), queue.get())))
    print("queue empty:", queue.empty(), "lock locked:", lock.locked())
    # The original report: "show: cancelled", then the ValueError leaves asyncio.run.
    await show(asyncio.sleep(5))
    raise ValueError("x")


asyncio.run(main())
