# Classes with __aiter__ / __anext__ in async for.
import asyncio


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.current <= 0:
            raise StopAsyncIteration
        self.current -= 1
        return self.current + 1


async def main():
    async for n in Countdown(3):
        print("count", n)
    print([n async for n in Countdown(4)])
    c = Countdown(1)
    print(await anext(c), await anext(c, "done"))
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
