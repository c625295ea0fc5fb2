import asyncio

async def worker(n):
    await asyncio.sleep(n)
  print(n)
