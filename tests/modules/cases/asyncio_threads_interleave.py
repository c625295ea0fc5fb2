import asyncio
import time


def work(n, delay):
    total = 0
    for i in range(3):
        time.sleep(delay)
        total += sum(range(n))
        print("thread step", n, i)
    return total


async def busy(name):
    for i in range(4):
        squares = [j * j for j in range(50)]
        print(name, i, len(squares))
        await asyncio.sleep(0.08)


async def main():
    results = await asyncio.gather(asyncio.to_thread(work, 10, 0.1), asyncio.to_thread(work, 20, 0.13),
                                   busy("a"), busy("b"))
    print(results)
    loop = asyncio.get_running_loop()
    start = loop.time()
    await loop.run_in_executor(None, time.sleep, 0.2)
    print("executor slept", round(loop.time() - start, 1))


asyncio.run(main())
