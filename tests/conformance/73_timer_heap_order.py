# Timers with the same deadline fire in heapq order, not FIFO.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    when = loop.time() + 0.01
    for i in range(8):
        loop.call_at(when, fired.append, i)
    await asyncio.sleep(0.03)
    print(fired)
    fired.clear()
    when = loop.time() + 0.01
    for i in range(5):
        loop.call_at(when, fired.append, i)
    await asyncio.sleep(0.03)
    print(fired)


asyncio.run(main())
