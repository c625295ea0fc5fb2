# asyncio.run(debug=True): a step that holds the loop 0.1 s or more is reported on stderr once
# it has ended, with the task as it stands then (pending and what it waits for, or finished with
# its result or exception), and every Future and Task says where it was made. The whole stderr
# is compared, durations aside (tests/modules/script_cases_test.cpp).
import asyncio
import time


async def worker():
    time.sleep(0.15)
    await asyncio.sleep(0)
    time.sleep(0.15)
    return 7


async def failing():
    time.sleep(0.12)
    raise ValueError("bad")


async def child(n):
    await asyncio.sleep(0.01 * n)
    return n


async def main():
    t = asyncio.create_task(worker())
    await t
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker())
    f = asyncio.get_running_loop().create_task(failing())
    try:
        await f
    except ValueError:
        pass

    fut = asyncio.get_running_loop().create_future()
    mine = asyncio.Future()
    g = asyncio.gather(child(1), child(2))
    sleeper = asyncio.create_task(child(0))  # in a bare sleep(0): it waits for nothing
    await asyncio.sleep(0)
    print(fut)
    print(mine)
    print(g)
    print(sleeper)
    time.sleep(0.15)
    print(await g)
    fut.cancel()
    mine.set_result(1)
    print(mine)

    q = asyncio.Queue()
    await q.put(1)  # at once: one step with the sleeps around it
    time.sleep(0.06)
    await q.get()
    time.sleep(0.06)
    await asyncio.sleep(0.01)
    time.sleep(0.11)


asyncio.run(main(), debug=True)
