import asyncio


def fetch():
    return "data"


async def main():
    data = await fetch()
    print(data)


asyncio.run(main())
