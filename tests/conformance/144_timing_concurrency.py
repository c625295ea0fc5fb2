# The classic lesson: sequential awaits add up, concurrent ones overlap (elapsed times rounded).
import asyncio
import time


async def brew(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ready"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await brew("tea", 0.1))
    print(await brew("coffee", 0.1))
    print(f"sequential: {loop.time() - start:.1f} s")
    start = time.perf_counter()
    print(await asyncio.gather(brew("tea", 0.1), brew("coffee", 0.1)))
    print(f"concurrent: {time.perf_counter() - start:.1f} s")
    start = time.monotonic()
    tasks = [asyncio.create_task(brew(f"cup {i}", 0.1 * (i + 1))) for i in range(2)]
    for t in tasks:
        print(await t, f"at {time.monotonic() - start:.1f} s")


asyncio.run(main())
