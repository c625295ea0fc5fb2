# wait_for: result, TimeoutError, cancellation of the inner awaitable, timeout <= 0.
import asyncio


async def slow(value, delay):
    try:
        await asyncio.sleep(delay)
        return value
    except asyncio.CancelledError:
        print("slow", value, "was cancelled")
        raise


async def started():
    print("coroutine started")
    return "started"


async def main():
    print(await asyncio.wait_for(slow("fast", 0.01), timeout=0.5))
    try:
        await asyncio.wait_for(slow("late", 0.5), timeout=0.02)
    except TimeoutError as e:
        print("TimeoutError", repr(e))
    print(await asyncio.wait_for(slow("no timeout", 0), None))
    try:
        await asyncio.wait_for(started(), 0)
    except TimeoutError:
        print("timeout 0: the coroutine never started")
    task = asyncio.create_task(slow("task", 0.5))
    try:
        await asyncio.wait_for(task, 0.01)
    except TimeoutError:
        print("task cancelled:", task.cancelled())
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, "future value")
    print(await asyncio.wait_for(fut, 1))


asyncio.run(main())
