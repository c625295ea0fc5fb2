import asyncio


async def job(n, fail=False):
    await asyncio.sleep(n / 100)
    if fail:
        raise ValueError(f"job {n} failed")
    print("job", n, "ok")
    return n * 10


async def long_job():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("long job cancelled by the group")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job(1))
        b = tg.create_task(job(2), name="job-two")
    print(a.result(), b.result(), b.get_name())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(1, fail=True))
            tg.create_task(long_job())
            tg.create_task(job(6, fail=True))
    except* ValueError as group:
        print("caught", type(group).__name__, len(group.exceptions))
        for e in group.exceptions:
            print(" ", repr(e))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(3, fail=True))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print("body was cancelled:", eg)


asyncio.run(main())
