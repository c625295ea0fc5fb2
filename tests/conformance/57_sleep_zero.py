# sleep(0) is a bare yield: tasks interleave one step per loop iteration, in FIFO order.
import asyncio

log = []


async def spinner(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(spinner(name, 3)) for name in "xyz"]
    print("tasks created")
    await asyncio.sleep(0)
    print("after one yield:", log)
    await asyncio.sleep(0)
    print("after two yields:", log)
    for t in tasks:
        await t
    print("final:", log)
    print(await asyncio.sleep(0, result="sleep result"))


asyncio.run(main())
