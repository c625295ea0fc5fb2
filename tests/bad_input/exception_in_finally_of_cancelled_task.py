import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker cleanup")
        raise ValueError("cleanup of a cancelled task failed")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    task.cancel()
    await task


asyncio.run(main())
