# Task.result, exception, done, cancelled, get_coro, done callbacks.
import asyncio


async def succeed():
    await asyncio.sleep(0)
    return 7


async def explode():
    await asyncio.sleep(0)
    raise KeyError("lost")


async def main():
    t = asyncio.create_task(succeed())
    print(t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    t.add_done_callback(lambda task: print("callback sees", task.result()))
    await t
    print("after await", t.done(), t.result(), t.exception())
    await asyncio.sleep(0)

    bad = asyncio.create_task(explode())
    try:
        await bad
    except KeyError as e:
        print("awaited bad:", repr(e))
    print(repr(bad.exception()), bad.done())
    try:
        bad.result()
    except KeyError:
        print("result() re-raises")

    c = asyncio.create_task(succeed())
    await asyncio.sleep(0)
    print(c.cancel(), c.cancel())
    try:
        await c
    except asyncio.CancelledError:
        print("cancelled:", c.cancelled(), c.done())
    try:
        c.result()
    except asyncio.CancelledError:
        print("result() of a cancelled task raises CancelledError")
    print("cancel after done:", t.cancel())
    coro = succeed()
    task = asyncio.create_task(coro)
    print(task.get_coro() is coro)

    def cb(task):
        print("removed callback ran")

    task.add_done_callback(cb)
    print(task.remove_done_callback(cb))
    await task


asyncio.run(main())
