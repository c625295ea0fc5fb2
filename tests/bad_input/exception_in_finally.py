import asyncio


async def main():
    try:
        await asyncio.sleep(0.1)
        raise KeyError("first")
    finally:
        print("cleaning up")
        raise TypeError("finally failed")


asyncio.run(main())
