"""(c) 100,000 tasks each sleeping a random 0-100 ms (uniform, fixed seed), gathered.

The CPython side of BM_RandomSleeps (tests/bench/scheduler_bench.cpp). CPython runs on the
real clock, so the run cannot take less than the longest sleep; what it costs beyond that is
its overhead, the figure compared with ours (we run on the virtual clock, where waiting is
free). Prints `seconds: <elapsed>` and `overhead_seconds: <elapsed - longest sleep>`.
"""

import asyncio
import random
import sys
import time

TASKS = 100_000
MAX_DELAY_MS = 100


async def sleeper(delay):
    await asyncio.sleep(delay)


async def main(delays):
    await asyncio.gather(*(asyncio.create_task(sleeper(d)) for d in delays))


if __name__ == "__main__":
    assert sys.version_info[:2] == (3, 12), sys.version
    generator = random.Random(20261121)
    delays = [generator.uniform(0, MAX_DELAY_MS / 1000) for _ in range(TASKS)]
    start = time.perf_counter()
    asyncio.run(main(delays))
    elapsed = time.perf_counter() - start
    print(f"seconds: {elapsed:.6f}")
    print(f"overhead_seconds: {elapsed - max(delays):.6f}")
