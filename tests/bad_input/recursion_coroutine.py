import asyncio


async def dive(n):
    return await dive(n + 1)


asyncio.run(dive(0))
