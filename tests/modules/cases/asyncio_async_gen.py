import asyncio


async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


class Resource:
    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print("enter")
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0.01)
        print("exit", exc[0].__name__ if exc[0] else None)
        return False


async def main():
    async for i in ticks(3, 0.01):
        print("tick", i)
    print([x async for x in ticks(3, 0)])
    async for n in Countdown(3):
        print("countdown", n)
    async with Resource() as r:
        print("inside", type(r).__name__)
    try:
        async with Resource():
            raise KeyError("inside")
    except KeyError:
        print("KeyError passed through")
    results = await asyncio.gather(*[asyncio.sleep(0.01 * i, i) for i in range(3)])
    print(results)


asyncio.run(main())
