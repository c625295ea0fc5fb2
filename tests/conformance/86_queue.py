# Queue: producers and consumers, task_done and join.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
    await q.put(None)


async def consumer(q, results):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 10)
        print("got", item)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.maxsize, q.qsize())
    results = []
    c = asyncio.create_task(consumer(q, results))
    await producer(q, 5)
    await q.join()
    print("joined", results)
    await c
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    jq = asyncio.Queue()
    for i in range(3):
        jq.put_nowait(i)

    async def worker():
        while not jq.empty():
            item = await jq.get()
            await asyncio.sleep(0)
            print("processed", item)
            jq.task_done()

    asyncio.create_task(worker())
    await jq.join()
    print("all processed")


asyncio.run(main())
