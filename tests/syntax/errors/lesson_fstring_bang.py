import asyncio
async def main():
    print(f"value: {x!}")
