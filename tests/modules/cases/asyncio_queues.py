import asyncio


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        print("put", i, "size", queue.qsize())
    await queue.put(None)


async def consumer(queue):
    while True:
        item = await queue.get()
        queue.task_done()
        if item is None:
            break
        print("got", item)
        await asyncio.sleep(0.01)


async def main():
    queue = asyncio.Queue(maxsize=2)
    print(queue.maxsize, queue.empty(), queue.full())
    await asyncio.gather(producer(queue, 4), consumer(queue))
    await queue.join()
    print("joined", queue.qsize())

    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    queue.put_nowait(1)
    queue.put_nowait(2)
    try:
        queue.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    print(str(queue))

    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for item in "xyz":
        await lq.put(item)
    print([await lq.get() for _ in range(3)])
    try:
        lq.task_done()
        lq.task_done()
        lq.task_done()
        lq.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
