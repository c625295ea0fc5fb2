"""(a) Create and gather 100,000 tasks that each sleep(0) once.

The CPython side of BM_GatherSleepZero (tests/bench/scheduler_bench.cpp).
Prints `seconds: <elapsed>`, timed with perf_counter around asyncio.run.
"""

import asyncio
import sys
import time

TASKS = 100_000


async def child():
    await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(asyncio.create_task(child()) for _ in range(TASKS)))


if __name__ == "__main__":
    assert sys.version_info[:2] == (3, 12), sys.version
    start = time.perf_counter()
    asyncio.run(main())
    print(f"seconds: {time.perf_counter() - start:.6f}")
