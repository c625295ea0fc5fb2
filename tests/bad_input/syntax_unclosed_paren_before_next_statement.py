import asyncio


async def main():
    print("missing paren"

asyncio.run(main())
