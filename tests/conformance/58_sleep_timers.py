# sleep(d > 0): tasks wake in deadline order, regardless of creation order.
import asyncio


async def napper(name, delay):
    print(f"{name} sleeps {delay}")
    await asyncio.sleep(delay)
    print(f"{name} woke")
    return name


async def main():
    tasks = [
        asyncio.create_task(napper("slow", 0.06)),
        asyncio.create_task(napper("fast", 0.02)),
        asyncio.create_task(napper("medium", 0.04)),
    ]
    for t in tasks:
        print("result", await t)
    value = await asyncio.sleep(0.01, result="with result")
    print(value)
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.05)
    print("elapsed >= 0.05:", loop.time() - start >= 0.05)
    await asyncio.sleep(-1)
    print("negative delay returns at once")


asyncio.run(main())
