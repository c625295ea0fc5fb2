# time.sleep inside a coroutine blocks the whole loop: due timers fire late, all together.
import asyncio
import time


async def timed(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)


async def main():
    log = []
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(timed(n, d, log)) for n, d in (("t1", 0.01), ("t2", 0.02), ("t3", 0.2))]
    await asyncio.sleep(0)
    start = loop.time()
    time.sleep(0.08)
    print("blocked for", f"{loop.time() - start:.1f}", "s; fired meanwhile:", log)
    await asyncio.sleep(0)
    print("after one yield:", log)
    await asyncio.sleep(0)
    print("after two yields:", log)
    await asyncio.gather(*tasks)
    print("all:", log)


asyncio.run(main())
