import asyncio

async main():
    pass
