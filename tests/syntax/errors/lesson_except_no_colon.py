async def main():
    try:
        await x
    except asyncio.CancelledError
        pass
