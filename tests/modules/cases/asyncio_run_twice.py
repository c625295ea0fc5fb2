import asyncio
import time

lock = asyncio.Lock()
event = asyncio.Event()


async def main(n):
    async with lock:
        print("run", n, "locked", lock.locked())
    event.set()
    await event.wait()
    return n * 10


print(asyncio.run(main(1)))
print(asyncio.run(main(2)))
start = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - start >= 0.01)
