# A Queue used before asyncio.run and between two runs: put_nowait, get_nowait, task_done,
# qsize/full/repr while no loop runs; the next run's queue starts with what waited.
import asyncio

q = asyncio.Queue(maxsize=2)
q.put_nowait("a")
q.put_nowait("b")
try:
    q.put_nowait("c")
except asyncio.QueueFull:
    print("full before the loop", q.full(), q.qsize())
print(q)
print(q.get_nowait())
q.task_done()
lq = asyncio.LifoQueue()
pq = asyncio.PriorityQueue()
for n in (5, 1, 4, 2):
    lq.put_nowait(n)
    pq.put_nowait(n)
print(lq, pq)


async def drain(name, queue, done=True):
    got = []
    while not queue.empty():
        got.append(await queue.get())
        if done:
            queue.task_done()
    print(name, got)


async def first():
    await drain("fifo", q)
    await q.join()
    await drain("lifo", lq)
    await drain("heap", pq, done=False)
    await q.put("left for later")
    lq.put_nowait(9)


asyncio.run(first())
print(q.qsize(), q, lq.qsize())
print(q.get_nowait())
try:
    q.get_nowait()
except asyncio.QueueEmpty:
    print("empty between runs")
q.task_done()
try:
    q.task_done()
except ValueError as error:
    print(error)
print(pq)


async def second():
    print(await lq.get())
    try:
        await asyncio.wait_for(pq.join(), 0.1)
    except TimeoutError:
        print("pq still has unfinished items", pq)
    for _ in range(4):
        pq.task_done()
    await pq.join()
    print("joined")


asyncio.run(second())
