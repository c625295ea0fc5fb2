# Queue.join returns one iteration after the last task_done.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def worker(q):
    while True:
        item = await q.get()
        print("working on", item)
        await asyncio.sleep(0)
        print("done with", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    tick = asyncio.create_task(ticker(10))
    for i in range(3):
        q.put_nowait(i)
    w = asyncio.create_task(worker(q))
    print("joining")
    await q.join()
    print("joined")
    w.cancel()
    await tick


asyncio.run(main())
