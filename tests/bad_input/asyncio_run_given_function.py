import asyncio


async def main():
    print("never runs")


asyncio.run(main)
