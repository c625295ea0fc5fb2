# An await that needs no waiting finishes inside the step that reaches it: a queue with room or
# an item, a semaphore with a free unit, an `async with` whose exit is ready. CPython's
# coroutines never suspend there, so driving a coroutine by hand with send() runs it to its end,
# and a ticker task sees no iteration go by.
import asyncio


async def at_once(q, sem, lock):
    await q.put("a")
    await q.put("b")
    async with sem:
        got = await q.get()
    async with lock:
        pass
    return got, await q.get()


async def ticker(ticks):
    while True:
        ticks.append(len(ticks))
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue(maxsize=2)
    sem = asyncio.Semaphore(1)
    lock = asyncio.Lock()

    # By hand: send(None) runs the whole coroutine, it ends in StopIteration.
    coro = at_once(q, sem, lock)
    try:
        coro.send(None)
        print("suspended")
    except StopIteration as stop:
        print("returned", stop.value, q.qsize(), sem.locked(), lock.locked())

    # In tasks: no iteration passes while a step puts and gets at once.
    ticks = []
    tick = asyncio.create_task(ticker(ticks))
    await asyncio.sleep(0)
    before = len(ticks)
    for i in range(5):
        await q.put(i)
        await q.get()
    print("ticks during 10 at-once awaits:", len(ticks) - before)
    tick.cancel()

    # A full queue: put_nowait raises, and an at-once put of a PriorityQueue that cannot order
    # its items raises at the await.
    await q.put(1)
    await q.put(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    pq = asyncio.PriorityQueue()
    await pq.put((1, "x"))
    try:
        raise KeyError("while handling")
    except KeyError:
        try:
            await pq.put((1, None))
        except TypeError as error:
            print("TypeError:", error, "| context:", repr(error.__context__))


asyncio.run(main())
