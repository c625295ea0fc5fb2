"""CPython's side of tests/async/cancellation_test.cpp.

Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/cancellation_orders.py
"""
import asyncio
import sys

from counting_loop import require_312, run


async def cancel_chain(note):
    # Down the chain at once, back up one iteration per level.
    async def b():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("B gets CancelledError")
            raise

    async def a():
        try:
            await asyncio.create_task(b())
        except asyncio.CancelledError:
            note("A gets CancelledError")
            raise

    async def top():
        try:
            await asyncio.create_task(a())
        except asyncio.CancelledError:
            note("top gets CancelledError")
            raise

    task = asyncio.create_task(top())
    for _ in range(3):
        await asyncio.sleep(0)
    note("cancel top")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        note(f"top cancelled={task.cancelled()}")


async def cancel_before_first_step(note):
    ran = False

    async def body():
        nonlocal ran
        ran = True

    task = asyncio.create_task(body())
    note(f"cancel {task.cancel()} cancelling={task.cancelling()}")
    try:
        await task
    except asyncio.CancelledError:
        note(f"body ran={ran} cancelled={task.cancelled()}")


async def catch_uncancel_and_go_on(note):
    async def stubborn():
        task = asyncio.current_task()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note(f"caught cancelling={task.cancelling()}")
            note(f"uncancel {task.uncancel()}")
        await asyncio.sleep(0)
        note("goes on")
        return 42

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    task.cancel()
    task.cancel()
    note(f"two requests cancelling={task.cancelling()}")
    value = await task
    note(f"value {value} cancelled={task.cancelled()} cancelling={task.cancelling()}")


async def cancel_awaited_task(note):
    # test_tasks.py test_cancel_awaited_task, with iterations.
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    nested_task = None

    async def nested():
        await fut

    async def coro():
        nonlocal nested_task
        nested_task = asyncio.create_task(nested())
        await asyncio.sleep(0)
        task.cancel()
        note("cancelled itself")
        await nested_task

    task = asyncio.create_task(coro())
    try:
        await task
    except asyncio.CancelledError:
        note(f"task {task.cancelled()} nested {nested_task.cancelled()} fut {fut.cancelled()}")


async def cancel_task_ignoring(note):
    # test_tasks.py test_cancel_task_ignoring, with iterations.
    loop = asyncio.get_running_loop()
    fut1 = loop.create_future()
    fut2 = loop.create_future()
    fut3 = loop.create_future()

    async def task():
        await fut1
        try:
            await fut2
        except asyncio.CancelledError:
            note("task ignores CancelledError")
        res = await fut3
        return res

    t = asyncio.create_task(task())
    await asyncio.sleep(0)
    note(f"waits on fut1 {t._fut_waiter is fut1}")
    fut1.set_result(None)
    await asyncio.sleep(0)
    note(f"waits on fut2 {t._fut_waiter is fut2}")
    t.cancel()
    note(f"fut2 cancelled {fut2.cancelled()}")
    await asyncio.sleep(0)
    note(f"waits on fut3 {t._fut_waiter is fut3}")
    fut3.set_result(42)
    res = await t
    note(f"res {res} fut3 cancelled {fut3.cancelled()} t cancelled {t.cancelled()}")


async def uncancel_structured_blocks(note):
    # test_tasks.py test_uncancel_structured_blocks, with iterations.
    async def make_request_with_timeout(*, sleep, timeout):
        task = asyncio.current_task()
        loop = task.get_loop()
        timed_out = False
        structured_block_finished = False
        outer_code_reached = False

        def on_timeout():
            nonlocal timed_out
            timed_out = True
            task.cancel()

        timeout_handle = loop.call_later(timeout, on_timeout)
        try:
            try:
                await asyncio.sleep(sleep)
                structured_block_finished = True
            finally:
                timeout_handle.cancel()
                if (
                    timed_out
                    and task.uncancel() == 0
                    and type(sys.exception()) is asyncio.CancelledError
                ):
                    raise TimeoutError
        except TimeoutError:
            note("TimeoutError")

        outer_code_reached = True
        await asyncio.sleep(0)
        return timed_out, structured_block_finished, outer_code_reached

    t1 = asyncio.create_task(make_request_with_timeout(sleep=10.0, timeout=0.1))
    timed_out, finished, outer = await t1
    note(f"t1 timed_out={timed_out} finished={finished} outer={outer} "
         f"cancelling={t1.cancelling()}")
    t2 = asyncio.create_task(make_request_with_timeout(sleep=0, timeout=10.0))
    timed_out, finished, outer = await t2
    note(f"t2 timed_out={timed_out} finished={finished} outer={outer} "
         f"cancelling={t2.cancelling()}")


require_312()
for scenario in (cancel_chain, cancel_before_first_step, catch_uncancel_and_go_on,
                 cancel_awaited_task, cancel_task_ignoring, uncancel_structured_blocks):
    run(scenario)
