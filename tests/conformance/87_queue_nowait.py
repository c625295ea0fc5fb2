# put_nowait/get_nowait, QueueEmpty/QueueFull, and a woken getter that is barged.
import asyncio


async def getter(q, name):
    item = await q.get()
    print(name, "got", item)


async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull", q.full())
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", q.empty())

    g = asyncio.create_task(getter(q, "g1"))
    await asyncio.sleep(0)
    q.put_nowait("first")
    print("main barges:", q.get_nowait())
    await asyncio.sleep(0)
    print("g1 still waiting:", not g.done())
    q.put_nowait("second")
    await g

    putter_q = asyncio.Queue(maxsize=1)
    putter_q.put_nowait(1)

    async def putter():
        await putter_q.put(2)
        print("putter unblocked")

    p = asyncio.create_task(putter())
    await asyncio.sleep(0)
    print("putter blocked:", not p.done(), putter_q.qsize())
    print(putter_q.get_nowait())
    await p
    print(putter_q.get_nowait())
    print(isinstance(asyncio.QueueEmpty(), Exception))


asyncio.run(main())
