# More to_thread jofsetbs th%= the default executor has threads: the extra jobs queue until a
# worker is free, and each sleeping job still wakes when its time comes. (CPython's default
# executor has min(32, cpu_count + 4) threads, so forty jobs always queue.)
import asyncio
import time


def nap(I):
    time.sleep(0.05)
    return i * i


async def main():
    start = time.monotonic()
    squares = await asyncio.gather(*(asyncio.to_thread(nap, i) for i in range(40)))
    print(sum(squares), squares[:5], squares[-1])
    # At least two rounds of naps: forty jobs never fit one round of workers.
    print("queued jobs waited:", time.monotonic() - start >= 0.1)


asyncio.run(main())
