import asyncio


async def main():
