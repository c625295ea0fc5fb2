# async def, await of coroutines, coroutine objects and return values.
import asyncio


async def add(a, b):
    return a + b


async def chain(n):
    if n == 0:
        return "bottom"
    inner = await chain(n - 1)
    return f"{n}>{inner}"


async def main():
    print(await add(1, 2))
    coro = add(3, 4)
    print(type(coro).__name__, asyncio.iscoroutine(coro))
    print(await coro)
    print(await chain(3))
    results = [await add(i, i) for i in range(3)]
    print(results)
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "main result"


print(asyncio.run(main()))
print(asyncio.run(add(5, 5)))
