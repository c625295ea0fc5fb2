import asyncio


async def left(mine, theirs):
    await theirs.wait()
    mine.set()


async def main():
    a = asyncio.Event()
    b = asyncio.Event()
    await asyncio.gather(left(a, b), left(b, a))


asyncio.run(main())
