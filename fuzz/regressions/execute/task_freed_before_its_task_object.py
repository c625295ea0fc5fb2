import asyncio

tasks = {}


async def first():
    await asyncio.sleep(0)
    await tasks["second"]


async def second():
    await asyncio.sleep(0)
    await tasks["first"]


async def main():
    tasks["first"] = asyncio.create_task(first())
    tasks["second"] = asyncio.create_task(second())
    await tasks["first"]


asyncio.run(main())
