import asyncio


async def worker(name, delay, result):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}")
    return result


async def main():
    print("main starts")
    t1 = asyncio.create_task(worker("a", 0.02, 1))
    t2 = asyncio.create_task(worker("b", 0.01, 2), name="second")
    print(t1.get_name(), t2.get_name())
    print(await t1 + await t2)
    results = await asyncio.gather(worker("c", 0.01, "x"), worker("d", 0, "y"))
    print(results)
    print(await asyncio.sleep(0, result="slept"))
    print(t1.done(), t1.result(), t2.cancelled())
    return 42


print(asyncio.run(main()))
