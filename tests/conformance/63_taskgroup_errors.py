# TaskGroup: a failing child cancels its siblings and the body; errors come as an ExceptionGroup.
import asyncio


async def fail(steps, exc):
    for _ in range(steps):
        await asyncio.sleep(0)
    print("failing with", repr(exc))
    raise exc


cancelled = []


async def patient(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        # The group cancels its children in set order (arbitrary): collect, print sorted.
        cancelled.append(name)
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(patient("p1"))
            tg.create_task(fail(1, ValueError("boom")))
            tg.create_task(patient("p2"))
            tg.create_task(fail(1, KeyError("key")))
            await asyncio.sleep(10)
            print("body never resumes normally")
    except* ValueError as eg:
        print("ValueErrors:", [repr(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("KeyErrors:", [repr(e) for e in eg.exceptions])
    print("cancelled:", sorted(cancelled))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0, RuntimeError("only")))
    except ExceptionGroup as eg:
        print(repr(eg), eg.message)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(patient("p3"))
            raise TypeError("body failed")
    except ExceptionGroup as eg:
        print("body error:", repr(eg))


asyncio.run(main())
