# Deep await chains and deep generator delegation stay within the recursion limit.
import asyncio


async def depth(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await depth(n - 1)


def nested(n):
    if n == 0:
        yield "bottom"
        return
    yield from nested(n - 1)


async def main():
    print(await depth(300))
    results = await asyncio.gather(depth(100), depth(200), depth(50))
    print(results)
    print(list(nested(300)))


asyncio.run(main())
