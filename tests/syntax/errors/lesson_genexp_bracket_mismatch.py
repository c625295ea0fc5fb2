import asyncio

async def main():
    tasks = [asyncio.create_task(worker(i) for i in range(3)]
