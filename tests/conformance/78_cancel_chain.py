# Cancellation travels down an await chain at once and back up one iteration per level.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def b():
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        print("B got CancelledError")
        raise


async def a(task_b):
    try:
        await task_b
    except asyncio.CancelledError:
        print("A got CancelledError")
        raise


async def top(task_a):
    try:
        await task_a
    except asyncio.CancelledError:
        print("top got CancelledError")
        raise


async def main():
    tick = asyncio.create_task(ticker(8))
    task_b = asyncio.create_task(b())
    task_a = asyncio.create_task(a(task_b))
    task_top = asyncio.create_task(top(task_a))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancelling top")
    task_top.cancel()
    print("B cancelled yet?", task_b.cancelled(), "A?", task_a.cancelled())
    await tick
    print(task_top.cancelled(), task_a.cancelled(), task_b.cancelled())


asyncio.run(main())
