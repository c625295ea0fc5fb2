import asyncio


def main(lock):
    async with lock:
        print("held")
