"""CPython's side of tests/async/timeout_test.cpp and wait_for_test.cpp.

Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/timeout_orders.py
"""
import asyncio

from counting_loop import require_312, run


async def timeout_expires(note):
    try:
        async with asyncio.timeout(0.01) as scope:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                note("body cancelled")
                raise
    except TimeoutError:
        note(f"TimeoutError expired={scope.expired()} cancelling={asyncio.current_task().cancelling()}")
    note(repr(scope))


async def nested_timeouts(note):
    # test_timeouts.py test_nested_timeouts, with iterations.
    loop = asyncio.get_running_loop()
    cancelled = False
    try:
        deadline = loop.time() + 0.01
        async with asyncio.timeout_at(deadline) as cm1:
            try:
                async with asyncio.timeout_at(deadline) as cm2:
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                cancelled = True
                note("inner scope let CancelledError through")
                raise
    except TimeoutError:
        note(f"outer scope raised TimeoutError cancelled={cancelled} "
             f"cm1={cm1.expired()} cm2={cm2.expired()}")


async def inner_timeout_inside_outer(note):
    async with asyncio.timeout(10) as outer:
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(10)
        except TimeoutError:
            note("inner TimeoutError")
        await asyncio.sleep(0)
        note("outer body goes on")
    note(f"outer expired={outer.expired()}")


async def timeout_not_reached(note):
    async with asyncio.timeout(10) as scope:
        await asyncio.sleep(0.01)
        note("body done")
    note(f"expired={scope.expired()} {scope!r}")


async def reschedule_moves_the_deadline(note):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as scope:
            note(f"when={scope.when()}")
            scope.reschedule(loop.time() + 0.01)
            await asyncio.sleep(10)
    except TimeoutError:
        note("TimeoutError")


async def past_deadline_expires_next_iteration(note):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            note("body starts")
            await asyncio.sleep(10)
    except TimeoutError:
        note("TimeoutError")


async def repr_and_misuse(note):
    scope = asyncio.timeout_at(None)
    note(repr(scope))
    try:
        scope.reschedule(None)
    except RuntimeError as error:
        note(f"RuntimeError {error}")
    async with scope:
        note(repr(scope))
        scope.reschedule(1234.5678)
        note(repr(scope))
        scope.reschedule(None)
        try:
            async with scope:
                pass
        except RuntimeError as error:
            note(f"RuntimeError {error}")
    note(repr(scope))
    try:
        scope.reschedule(None)
    except RuntimeError as error:
        note(f"RuntimeError {error}")


async def body_that_never_yields_cannot_expire(note):
    # A deadline already past is a call_soon; a body that never yields leaves the scope first,
    # and leaving cancels that callback: nothing expires, nothing is left to deliver.
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(loop.time()) as scope:
        note(f"body ends cancelling={asyncio.current_task().cancelling()}")
    note(f"expired={scope.expired()} cancelling={asyncio.current_task().cancelling()}")
    try:
        await asyncio.sleep(0)
        note("no pending cancellation")
    except asyncio.CancelledError:
        note("the pending cancellation is delivered")


async def wait_for_timeout_cancels_the_inner_task(note):
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("inner cancelled")
            raise

    task = asyncio.create_task(inner())
    try:
        await asyncio.wait_for(task, 0.01)
    except TimeoutError:
        note(f"TimeoutError inner cancelled={task.cancelled()}")


async def wait_for_runs_a_coroutine_inline(note):
    main = asyncio.current_task()

    async def inner():
        note(f"inner in main={asyncio.current_task() is main}")
        await asyncio.sleep(0.01)
        return 42

    note(f"value {await asyncio.wait_for(inner(), 1)}")


async def wait_for_timeout_on_an_inline_coroutine(note):
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("inner cancelled")
            raise

    try:
        await asyncio.wait_for(inner(), 0.01)
    except TimeoutError:
        note("TimeoutError")


async def wait_for_zero_never_starts_a_coroutine(note):
    started = False

    async def inner():
        nonlocal started
        started = True

    try:
        await asyncio.wait_for(inner(), 0)
    except TimeoutError:
        note(f"TimeoutError started={started}")


async def wait_for_zero_cancels_a_task(note):
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("inner cancelled")
            raise

    task = asyncio.create_task(inner())
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(task, 0)
    except TimeoutError:
        note(f"TimeoutError cancelled={task.cancelled()}")
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result(3)
    note(f"done future gives {await asyncio.wait_for(done, 0)}")


async def wait_for_inner_swallowing_the_cancellation(note):
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("stubborn swallows")
        return 7

    note(f"value {await asyncio.wait_for(stubborn(), 0.01)} "
         f"cancelling={asyncio.current_task().cancelling()}")


async def wait_for_cancelled_from_outside(note):
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("inner cancelled")
            raise

    async def waiter(task):
        try:
            await asyncio.wait_for(task, 5)
        except asyncio.CancelledError:
            note("waiter gets CancelledError")
            raise

    inner_task = asyncio.create_task(inner())
    waiting = asyncio.create_task(waiter(inner_task))
    await asyncio.sleep(0)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        note(f"waiter cancelled={waiting.cancelled()} inner cancelled={inner_task.cancelled()}")


async def wait_for_without_timeout(note):
    async def inner():
        await asyncio.sleep(0.01)
        return 5

    note(f"value {await asyncio.wait_for(inner(), None)}")


require_312()
for scenario in (timeout_expires, nested_timeouts, inner_timeout_inside_outer, timeout_not_reached,
                 reschedule_moves_the_deadline, past_deadline_expires_next_iteration,
                 repr_and_misuse, body_that_never_yields_cannot_expire,
                 wait_for_timeout_cancels_the_inner_task, wait_for_runs_a_coroutine_inline,
                 wait_for_timeout_on_an_inline_coroutine, wait_for_zero_never_starts_a_coroutine,
                 wait_for_zero_cancels_a_task, wait_for_inner_swallowing_the_cancellation,
                 wait_for_cancelled_from_outside, wait_for_without_timeout):
    run(scenario)
