import asyncio


async def main():
    me = asyncio.current_task()
    await me


asyncio.run(main())
