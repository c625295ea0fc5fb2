# A queue's put() with room and get() with an item finish at once, without letting another
# task run; only a full (empty) queue makes them wait. A ticker prints every iteration so that
# any wait shows in the output.
import asyncio


async def ticker(stop):
    n = 0
    while not stop.is_set():
        print("tick", n)
        n += 1
        await asyncio.sleep(0)


async def main():
    stop = asyncio.Event()
    tick = asyncio.create_task(ticker(stop))
    await asyncio.sleep(0)

    q = asyncio.Queue(maxsize=2)
    await q.put("a")
    await q.put("b")
    print("two puts at once:", q.qsize())
    print("get at once:", await q.get(), await q.get())

    async def later_put():
        await asyncio.sleep(0)
        print("later put")
        await q.put("late")

    putter = asyncio.create_task(later_put())
    print("get waits:", await q.get())
    await putter

    await q.put(1)
    await q.put(2)
    blocked = asyncio.create_task(q.put(3))  # a Task of a queue call: it waits for room
    await asyncio.sleep(0)
    print("full, put waits:", blocked.done(), q.qsize())
    print("get makes room:", await q.get())
    await blocked
    print("then:", q.qsize(), [q.get_nowait() for _ in range(q.qsize())])
    stop.set()  # no ticks while a real clock waits below
    await tick

    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print("get timed out on an empty queue")
    print("wait_for put:", await asyncio.wait_for(q.put("w"), 1), q.qsize())

    call = q.get()
    print("awaited:", await call)
    try:
        await call
    except RuntimeError as error:
        print("again:", error)

    pq = asyncio.PriorityQueue()
    await pq.put((2, "b"))
    try:
        await pq.put(("x", 1))
    except TypeError as error:
        print("PriorityQueue:", error)
    print("pq:", pq.qsize(), await pq.get())


asyncio.run(main())
