# LifoQueue and PriorityQueue ordering.
import asyncio


async def main():
    lifo = asyncio.LifoQueue()
    for i in range(4):
        await lifo.put(i)
    print([lifo.get_nowait() for _ in range(4)])
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
        pq.put_nowait(item)
    out = []
    while not pq.empty():
        out.append(await pq.get())
    print(out)
    pq2 = asyncio.PriorityQueue()
    for n in [5, 1, 4, 2, 3]:
        pq2.put_nowait(n)
    print([pq2.get_nowait() for _ in range(5)])
    print(pq.qsize(), lifo.empty())


asyncio.run(main())
