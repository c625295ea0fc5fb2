import asyncio


class Connection:
    async def __aenter__(self):
        print("open")
        return self

    async def __aexit__(self, kind, value, traceback):
        print("closing")
        raise ConnectionError("close failed")


async def main():
    async with Connection():
        print("working")


asyncio.run(main())
