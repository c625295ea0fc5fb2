# A task's first step runs in the next loop iteration; the creator keeps running.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def worker(name, steps):
    for s in range(steps):
        print(f"{name} step {s}")
        await asyncio.sleep(0)
    print(f"{name} done")
    return name


async def main():
    tick = asyncio.create_task(ticker(8))
    await asyncio.sleep(0)
    a = asyncio.create_task(worker("A", 2))
    print("created A")
    b = asyncio.create_task(worker("B", 3))
    print("created B, A done?", a.done())
    result = await a
    print("awaited A:", result, "B done?", b.done())
    print("awaited B:", await b)
    await tick


asyncio.run(main())
