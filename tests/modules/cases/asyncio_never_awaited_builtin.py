# asyncio's own coroutines warn "never awaited" as an `async def` does, with CPython's
# qualified names, whether they were made inside asyncio.run or before any loop ran, and not
# when they were closed or handed to a task.
import asyncio

queue = asyncio.Queue()
made_early = queue.get()
closed_early = asyncio.sleep("later")
closed_early.close()


async def main():
    asyncio.sleep(1)
    queue.put(1)
    asyncio.Lock().acquire()
    asyncio.wait_for(asyncio.get_running_loop().create_future(), 1)
    asyncio.to_thread(print, "never")
    closed = asyncio.Event().wait()
    closed.close()
    await asyncio.create_task(asyncio.sleep(0))
    print("main done")


asyncio.run(main())
del made_early
print("end")
leftover = asyncio.wait([])
