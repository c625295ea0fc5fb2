import asyncio


async def main():
    await asyncio.sleep(0.1)
    print(reslt)


asyncio.run(main())
