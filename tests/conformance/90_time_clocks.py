# time.perf_counter and time.monotonic measure elapsed time (printed rounded).
import asyncio
import time


async def main():
    p0 = time.perf_counter()
    m0 = time.monotonic()
    await asyncio.sleep(0.1)
    print(f"slept about {time.perf_counter() - p0:.1f} s")
    print(f"monotonic agrees: {time.monotonic() - m0:.1f} s")
    t0 = time.perf_counter()
    time.sleep(0.1)
    print(f"time.sleep: {time.perf_counter() - t0:.1f} s")
    print(time.monotonic() >= m0, type(time.time()).__name__)


asyncio.run(main())
p = time.perf_counter()
time.sleep(0.1)
print(f"outside asyncio: {time.perf_counter() - p:.1f}")
