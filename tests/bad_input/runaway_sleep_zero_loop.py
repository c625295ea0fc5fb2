import asyncio


async def ticker():
    while True:
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(ticker(), ticker())


asyncio.run(main())
