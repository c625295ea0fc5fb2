import asyncio


class Connection:
    async def __aenter__(self):
        return self

    async def __aexit__(self, kind, value, traceback):
        await asyncio.sleep(0)
        raise RuntimeError("cleanup failed")


async def main():
    async with Connection():
        raise ValueError("work failed")


asyncio.run(main())
