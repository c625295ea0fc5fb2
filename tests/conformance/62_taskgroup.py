# TaskGroup: waits for every child; results via the tasks.
import asyncio


async def work(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(name, "done")
    return name * 2


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("a", 2))
        t2 = tg.create_task(work("b", 1), name="custom-name")
        print("inside the group body")
    print("after the group:", t1.result(), t2.result(), t2.get_name())
    async with asyncio.TaskGroup() as tg:
        print("empty group")
    late = work("late", 0)
    try:
        tg.create_task(late)
    except RuntimeError as e:
        print("RuntimeError, finished:", str(e).endswith("is finished"))
    late.close()
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(work(f"w{i}", 3 - i))
    print("all three done")


asyncio.run(main())
