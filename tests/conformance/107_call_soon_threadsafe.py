# call_soon_threadsafe from a worker thread wakes the loop.
import asyncio
import time


def worker(loop, fut, values):
    time.sleep(0.02)
    for v in values:
        loop.call_soon_threadsafe(print, "from thread:", v)
    loop.call_soon_threadsafe(fut.set_result, sum(values))
    return "worker done"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    thread_result = asyncio.create_task(asyncio.to_thread(worker, loop, fut, [1, 2, 3]))
    print("waiting for the thread")
    print("future result:", await fut)
    print(await thread_result)


asyncio.run(main())
