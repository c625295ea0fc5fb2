# A call left open: CPython says "'(' was never closed" at line 7, column 10.
import asyncio


async def main():
    await asyncio.sleep(0.1)
    print("done"


asyncio.run(main())
