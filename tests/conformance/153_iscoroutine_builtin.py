# asyncio's own coroutine functions make coroutine objects: asyncio.iscoroutine says so, and
# they close, reject a second await and go to create_task as any coroutine does.
import asyncio


async def user_defined():
    return "user"


async def main():
    queue = asyncio.Queue()
    lock = asyncio.Lock()
    event = asyncio.Event()
    future = asyncio.get_running_loop().create_future()
    made = [
        ("sleep", asyncio.sleep(0)),
        ("Queue.get", queue.get()),
        ("Queue.put", queue.put(1)),
        ("Lock.acquire", lock.acquire()),
        ("Event.wait", event.wait()),
        ("wait_for", asyncio.wait_for(future, 1)),
        ("wait", asyncio.wait([future])),
        ("to_thread", asyncio.to_thread(print, "never")),
        ("async def", user_defined()),
    ]
    for name, coroutine in made:
        text = repr(coroutine)
        kind = type(coroutine).__name__
        print(name, asyncio.iscoroutine(coroutine), kind, text[: text.index(" at 0x")])
        coroutine.close()
    print(asyncio.iscoroutine(future), asyncio.iscoroutine(asyncio.sleep))
    print(asyncio.iscoroutine(asyncio.create_task(user_defined())))

    sleeping = asyncio.sleep(0, "once")
    print(await sleeping)
    try:
        await sleeping
    except RuntimeError as e:
        print("RuntimeError:", e)
    task = asyncio.create_task(asyncio.sleep(0.01, "as a task"))
    print(task.get_name(), await task)


asyncio.run(main())
