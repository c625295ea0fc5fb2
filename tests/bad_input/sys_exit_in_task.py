import asyncio
import sys


async def quitter():
    await asyncio.sleep(0)
    sys.exit(3)


async def main():
    await asyncio.create_task(quitter())
    print("not reached")


asyncio.run(main())
