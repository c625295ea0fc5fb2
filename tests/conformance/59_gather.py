# gather returns results in argument order; the parent resumes after all children finish.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def job(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f"{name} finished")
    return name.upper()


async def main():
    tick = asyncio.create_task(ticker(9))
    await asyncio.sleep(0)
    print("gather starts")
    results = await asyncio.gather(job("c", 3), job("a", 1), job("b", 2))
    print("gather returned", results)
    print(await asyncio.gather())
    task = asyncio.create_task(job("t", 0))
    print(await asyncio.gather(task, job("d", 0)))
    await tick


asyncio.run(main())
