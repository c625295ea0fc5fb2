# An exception escaping asyncio.run's main coroutine: traceback, exit code 1.
import asyncio


async def compute(x):
    await asyncio.sleep(0)
    return 10 / x


async def main():
    print("start")
    print(await compute(2))
    print(await compute(0))
    print("never printed")


asyncio.run(main())
