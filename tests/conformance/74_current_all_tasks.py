# current_task, all_tasks and default task names Task-N.
import asyncio


async def child(n):
    me = asyncio.current_task()
    print("child", n, "is", me.get_name())
    await asyncio.sleep(0)


async def main():
    me = asyncio.current_task()
    print("main is", me.get_name())
    tasks = [asyncio.create_task(child(i)) for i in range(3)]
    named = asyncio.create_task(child(9), name="special")
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(me in asyncio.all_tasks())
    await asyncio.gather(*tasks, named)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    later = asyncio.create_task(child(10))
    print(later.get_name())
    later.set_name("renamed")
    await later
    print(later.get_name())


asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
