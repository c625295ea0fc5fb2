# Async generators chained into a pipeline, consumed with async for and gather.
import asyncio


async def numbers(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def squares(source):
    async for n in source:
        yield n * n


async def collect(name, n, delay):
    result = [v async for v in squares(numbers(n, delay))]
    print(name, "collected", result)
    return result


async def main():
    results = await asyncio.gather(collect("a", 3, 0.01), collect("b", 2, 0.025))
    print(results)
    agen = numbers(5, 0)
    print(await agen.__anext__(), await agen.__anext__())
    await agen.aclose()
    print("closed")


asyncio.run(main())
