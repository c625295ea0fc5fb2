"""(d) 100,000 tasks through Semaphore(10): each acquires it, sleeps(0) once, releases it.

The CPython side of BM_SemaphoreTasks (tests/bench/scheduler_bench.cpp). Prints
`seconds: <elapsed>`, timed with perf_counter around asyncio.run.
"""

import asyncio
import sys
import time

TASKS = 100_000
PERMITS = 10


async def worker(semaphore):
    async with semaphore:
        await asyncio.sleep(0)


async def main():
    semaphore = asyncio.Semaphore(PERMITS)
    await asyncio.gather(*(asyncio.create_task(worker(semaphore)) for _ in range(TASKS)))


if __name__ == "__main__":
    assert sys.version_info[:2] == (3, 12), sys.version
    start = time.perf_counter()
    asyncio.run(main())
    print(f"seconds: {time.perf_counter() - start:.6f}")
