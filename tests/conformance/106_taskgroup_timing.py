# TaskGroup: a child's failure is seen one iteration later; siblings and the body are cancelled
# and get CancelledError the iteration after.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def failing(steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print("child raises")
    raise ValueError("child failed")


async def waiting(name):
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise


async def main():
    tick = asyncio.create_task(ticker(10))
    await asyncio.sleep(0)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(waiting("sibling"))
            tg.create_task(failing(2))
            try:
                await asyncio.get_running_loop().create_future()
            except asyncio.CancelledError:
                print("body got CancelledError")
                raise
    except* ValueError as eg:
        print("group raised", [str(e) for e in eg.exceptions])
    await tick


asyncio.run(main())
