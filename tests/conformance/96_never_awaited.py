# A coroutine object that is never awaited: RuntimeWarning on stderr when it is destroyed.
import asyncio


async def fetch():
    return 1


async def main():
    fetch()
    await asyncio.sleep(0)
    print("main finished")


asyncio.run(main())
