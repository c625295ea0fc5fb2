# `await task`: a task finishing in iteration k resumes its awaiter in k+1;
# awaiting a finished task does not suspend.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def child(steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print("child returns")
    return steps


async def main():
    tick = asyncio.create_task(ticker(8))
    await asyncio.sleep(0)
    t = asyncio.create_task(child(2))
    print("awaiting child")
    print("child result", await t)
    print("awaiting the finished task again")
    print("again", await t)
    print("no iteration passed")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    print(await fut, "without suspending")
    await tick


asyncio.run(main())
