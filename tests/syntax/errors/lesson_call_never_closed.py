import asyncio

async def main():
    print("start"
    await asyncio.sleep(1)

asyncio.run(main())
