import asyncio


async def job(i):
    await asyncio.sleep(1)


async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(10_000_000)]
    await asyncio.gather(*tasks)


asyncio.run(main())
