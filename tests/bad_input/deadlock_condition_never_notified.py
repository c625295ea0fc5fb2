import asyncio


async def main():
    condition = asyncio.Condition()
    async with condition:
        await condition.wait()


asyncio.run(main())
