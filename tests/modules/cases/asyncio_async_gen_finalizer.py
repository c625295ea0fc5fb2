import asyncio


async def ticks(name):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print(name, "closing")
        await asyncio.sleep(0.01)
        print(name, "closed")


async def leave_early(name):
    async for n in ticks(name):
        if n == 2:
            break
    print(name, "left at", n)


async def main():
    await leave_early("first")
    print("tasks after break:", len(asyncio.all_tasks()))
    await asyncio.sleep(0.05)
    t = asyncio.create_task(leave_early("second"))
    await t
    print("tasks after second:", len(asyncio.all_tasks()))
    try:
        async for n in ticks("third"):
            raise ValueError(n)
    except ValueError as e:
        print("raised from the loop", repr(e))
    await asyncio.sleep(0.05)
    print("main ends")


asyncio.run(main())
print("after run")
