async def main():
    await asyncio.sleep(1))
