import asyncio


async def ticker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(ticker(n, 3)) for n in "abc"]
    print("created")
    await asyncio.sleep(0)
    print("after one yield")
    await asyncio.gather(*tasks)
    print("all done")


asyncio.run(main())
