import asyncio
import time


def blocking(n):
    time.sleep(0.2)
    return n * 2


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking, 21), ticker())
    print("result", result)
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 5))


asyncio.run(main())
