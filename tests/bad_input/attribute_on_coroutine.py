import asyncio


async def fetch():
    return {"status": 200}


async def main():
    response = fetch()
    print(response.status)


asyncio.run(main())
