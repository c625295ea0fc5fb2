"""(b) 200,000 ping-pong round trips through two queues.

One task puts a number on `ping`, the other gets it and puts it on `pong`; a round trip ends
when the first task gets it back. The CPython side of BM_QueuePingPong
(tests/bench/scheduler_bench.cpp). Prints `seconds: <elapsed>`, timed with perf_counter around
asyncio.run.
"""

import asyncio
import sys
import time

ROUND_TRIPS = 200_000


async def pinger(ping, pong):
    for i in range(ROUND_TRIPS):
        await ping.put(i)
        assert await pong.get() == i


async def ponger(ping, pong):
    for _ in range(ROUND_TRIPS):
        await pong.put(await ping.get())


async def main():
    ping, pong = asyncio.Queue(), asyncio.Queue()
    await asyncio.gather(pinger(ping, pong), ponger(ping, pong))


if __name__ == "__main__":
    assert sys.version_info[:2] == (3, 12), sys.version
    start = time.perf_counter()
    asyncio.run(main())
    print(f"seconds: {time.perf_counter() - start:.6f}")
