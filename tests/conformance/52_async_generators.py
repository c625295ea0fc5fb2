# Async generators, async for, async comprehensions, aiter and anext.
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def main():
    async for t in ticks(3):
        print("tick", t)
    print([t async for t in ticks(4)])
    print([t * 10 async for t in ticks(5) if t % 2 == 0])
    print({t: str(t) async for t in ticks(2)})
    gen = ticks(2)
    print(type(gen).__name__)
    it = aiter(gen)
    print(it is gen)
    print(await anext(it), await anext(it))
    print(await anext(it, "exhausted"))
    try:
        await anext(ticks(0))
    except StopAsyncIteration:
        print("StopAsyncIteration")
    async for t in ticks(10):
        if t == 2:
            break
    else:
        print("not printed")
    print("broke at", t)


asyncio.run(main())
