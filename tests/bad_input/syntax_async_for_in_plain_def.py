import asyncio


def main(q):
    async for item in q:
        print(item)
