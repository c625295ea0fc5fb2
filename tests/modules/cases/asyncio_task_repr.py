import asyncio


async def sleeper():
    await asyncio.sleep(1)


async def waiter(task):
    await task


async def main():
    t = asyncio.create_task(sleeper(), name="napper")
    print(t)
    await asyncio.sleep(0)
    print(t)
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0)
    print(w)
    t.cancel()
    print(t)
    await asyncio.sleep(0)
    print(t)
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled too:", w.cancelled())
    print(w)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result([1, 2, 3, 4, 5, 6, 7, 8])
    print(fut)
    fut2 = asyncio.get_running_loop().create_future()
    fut2.set_result("x" * 50)
    print(fut2)


asyncio.run(main())
