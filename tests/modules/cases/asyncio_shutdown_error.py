import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise ValueError("refused to die")

async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
print("after")
