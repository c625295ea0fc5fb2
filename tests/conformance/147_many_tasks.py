# Hundreds of tasks: FIFO scheduling, a semaphore capping concurrency, gather's result order.
import asyncio

order = []


async def step(i):
    for s in range(3):
        order.append((i, s))
        await asyncio.sleep(0)
    return i * i


async def limited(sem, i, state):
    async with sem:
        state["active"] += 1
        state["peak"] = max(state["peak"], state["active"])
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        state["active"] -= 1
        return i


async def main():
    results = await asyncio.gather(*(step(i) for i in range(300)))
    print(len(results), results[:5], results[-3:], sum(results))
    print(order[:4], order[298:302], order[-2:])
    print(all(order[k] == (k % 300, k // 300) for k in range(len(order))))
    sem = asyncio.Semaphore(10)
    state = {"active": 0, "peak": 0}
    done = await asyncio.gather(*(limited(sem, i, state) for i in range(500)))
    print(len(done), done == list(range(500)), state)
    queue = asyncio.Queue(maxsize=1)
    got = []

    async def producer(p):
        for n in range(3):
            await queue.put((p, n))

    async def consumer():
        for _ in range(15):
            got.append(await queue.get())

    await asyncio.gather(*(producer(p) for p in range(5)), consumer())
    print(got)


asyncio.run(main())
