# to_thread and run_in_executor run blocking functions without blocking the loop.
import asyncio
import time


def blocking(name, delay):
    time.sleep(delay)
    return f"{name} finished"


def add(a, b):
    return a + b


def fails():
    raise ValueError("from the thread")


async def main():
    print(await asyncio.to_thread(blocking, "one", 0.02))
    print(await asyncio.to_thread(add, 2, 3))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, add, 10, 20))
    results = await asyncio.gather(
        asyncio.to_thread(blocking, "a", 0.03),
        asyncio.to_thread(blocking, "b", 0.01),
    )
    print(results)
    try:
        await asyncio.to_thread(fails)
    except ValueError as e:
        print("ValueError:", e)
    fut = loop.run_in_executor(None, blocking, "future", 0)
    print(type(fut).__name__, await fut)


asyncio.run(main())
