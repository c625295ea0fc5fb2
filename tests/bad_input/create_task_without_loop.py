import asyncio


async def job():
    print("job")


asyncio.create_task(job())
