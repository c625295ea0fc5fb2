import asyncio

async def main():
    result = await asyncio.gather(a(), b()
    print(result)
