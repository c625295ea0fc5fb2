"""CPython's side of tests/async/task_group_test.cpp.

Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/task_group_orders.py
"""
import asyncio

from counting_loop import require_312, run


def describe(group_error):
    kinds = ",".join(type(error).__name__ for error in group_error.exceptions)
    return f"{type(group_error).__name__}({group_error}) [{kinds}]"


async def cancel_children_on_child_error(note):
    # test_taskgroups.py test_cancel_children_on_child_error, with iterations.
    NUM = 0
    t2_cancel = False
    runner_cancel = False

    async def foo1():
        await asyncio.sleep(0.1)
        note("foo1 raises")
        1 / 0

    async def foo2():
        nonlocal NUM, t2_cancel
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            t2_cancel = True
            note("foo2 cancelled")
            raise
        NUM += 1

    async def runner():
        nonlocal NUM, runner_cancel
        async with asyncio.TaskGroup() as g:
            g.create_task(foo1())
            g.create_task(foo1())
            g.create_task(foo1())
            g.create_task(foo2())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                runner_cancel = True
                note("runner body cancelled")
                raise
        NUM += 10

    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as error:
        note(describe(error))
    note(f"NUM={NUM} t2_cancel={t2_cancel} runner_cancel={runner_cancel}")


async def exit_waits_for_every_child(note):
    async def child(name, yields):
        for _ in range(yields):
            await asyncio.sleep(0)
        note(f"{name} ends")

    async with asyncio.TaskGroup() as group:
        group.create_task(child("a", 1))
        group.create_task(child("b", 3))
        note("body ends")
    note(f"group exits cancelling={asyncio.current_task().cancelling()}")


async def body_error_cancels_the_children(note):
    async def child():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("child cancelled")
            raise

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(child())
            await asyncio.sleep(0)
            note("body raises")
            raise ValueError("body")
    except ExceptionGroup as error:
        note(describe(error))


async def child_error_after_the_body_ended(note):
    async def failing():
        await asyncio.sleep(0.01)
        note("failing raises")
        raise ValueError("late")

    async def sibling():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("sibling cancelled")
            raise

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(failing())
            group.create_task(sibling())
            note("body ends")
    except ExceptionGroup as error:
        note(f"{describe(error)} cancelling={asyncio.current_task().cancelling()}")


async def parent_cancelled_from_outside(note):
    async def child():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("child cancelled")
            raise

    async def parent():
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(child())
                await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("parent gets CancelledError")
            raise

    task = asyncio.create_task(parent())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        note(f"parent cancelled={task.cancelled()}")


async def parent_cancelled_while_exiting(note):
    async def child():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("child cancelled")
            raise

    async def parent():
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(child())
                note("body ends")
        except asyncio.CancelledError:
            note(f"parent gets CancelledError cancelling={asyncio.current_task().cancelling()}")
            raise

    task = asyncio.create_task(parent())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        note(f"parent cancelled={task.cancelled()}")


async def create_task_refused(note):
    async def failing():
        raise ValueError("x")

    async def idle():
        await asyncio.sleep(10)

    def try_create_task():
        coroutine = idle()
        try:
            group.create_task(coroutine)
        except RuntimeError as error:
            coroutine.close()  # C++ destroys the refused coroutine; no never-awaited warning
            note(f"RuntimeError {error}")

    group = asyncio.TaskGroup()
    note(repr(group))
    try_create_task()
    try:
        async with group:
            note(repr(group))
            group.create_task(failing())
            group.create_task(idle())
            note(repr(group))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                note(repr(group))
                try_create_task()
                raise
    except ExceptionGroup as error:
        note(describe(error))
    try_create_task()


async def named_children_still_take_a_task_number(note):
    async def child():
        pass

    # Task names count from one process-wide counter; print them relative to main's number.
    main_number = int(asyncio.current_task().get_name().removeprefix("Task-"))
    async with asyncio.TaskGroup() as group:
        first = group.create_task(child(), name="worker")
        second = group.create_task(child())
    second_number = int(second.get_name().removeprefix("Task-"))
    note(f"{first.get_name()} main+{second_number - main_number}")


require_312()
for scenario in (cancel_children_on_child_error, exit_waits_for_every_child,
                 body_error_cancels_the_children, child_error_after_the_body_ended,
                 parent_cancelled_from_outside, parent_cancelled_while_exiting, create_task_refused,
                 named_children_still_take_a_task_number):
    run(scenario)
