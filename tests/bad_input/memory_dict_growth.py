import asyncio


async def main():
    seen = {}
    n = 0
    while True:
        seen[n] = str(n) * 10
        n += 1


asyncio.run(main())
