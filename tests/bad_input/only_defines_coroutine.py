import asyncio


async def main():
    print("hello")
