# A failed task whose exception nobody retrieves is reported on stderr when it is destroyed.
import asyncio


async def boom():
    raise ValueError("lost")


async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main finished")


asyncio.run(main())
print("after run")
