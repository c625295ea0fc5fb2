"""CPython's side of tests/async/gather_test.cpp.

Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/gather_orders.py
"""
import asyncio

from counting_loop import require_312, run


async def resumes_two_iterations_after_last_child(note):
    async def child(name, yields):
        note(f"{name} starts")
        for _ in range(yields):
            await asyncio.sleep(0)
        note(f"{name} ends")
        return name

    results = await asyncio.gather(child("a", 0), child("b", 2))
    note(f"main resumes {','.join(results)}")


async def results_in_argument_order(note):
    async def child(name, delay):
        await asyncio.sleep(delay)
        note(f"{name} ends")
        return name

    results = await asyncio.gather(child("slow", 0.02), child("fast", 0.01))
    note(f"results {','.join(results)}")


async def first_exception_at_once_siblings_run_on(note):
    async def failing():
        await asyncio.sleep(0)
        note("failing raises")
        raise ValueError("bad")

    async def sibling():
        for _ in range(4):
            await asyncio.sleep(0)
        note("sibling ends")

    task = asyncio.create_task(sibling())
    try:
        await asyncio.gather(failing(), task)
    except ValueError as error:
        note(f"main caught {error}")
    note(f"sibling cancelled={task.cancelled()}")
    await task
    note("main ends")


async def return_exceptions_collects_every_outcome(note):
    loop = asyncio.get_running_loop()

    async def value():
        return 1

    async def failing():
        raise ValueError("bad")

    async def sleeper():
        await asyncio.sleep(10)

    cancelled_task = asyncio.create_task(sleeper())
    cancelled_future = loop.create_future()
    await asyncio.sleep(0)
    cancelled_task.cancel("task message")
    cancelled_future.cancel("future message")
    results = await asyncio.gather(value(), failing(), cancelled_task, cancelled_future,
                                   return_exceptions=True)
    shown = [f"{type(r).__name__}:{r}" if isinstance(r, BaseException) else str(r) for r in results]
    note("results " + "|".join(shown))


async def cancelling_the_gather_cancels_the_children(note):
    async def child(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note(f"{name} cancelled")
            raise

    gathering = asyncio.gather(child("a"), child("b"))
    await asyncio.sleep(0)
    note(f"cancel returns {gathering.cancel()}")
    try:
        await gathering
    except asyncio.CancelledError:
        note("main gets CancelledError")
    note(f"cancel again returns {gathering.cancel()}")


async def cancelling_wins_over_return_exceptions(note):
    async def child(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note(f"{name} cancelled")
            raise

    gathering = asyncio.gather(child("a"), child("b"), return_exceptions=True)
    await asyncio.sleep(0)
    gathering.cancel("stop")
    try:
        await gathering
        note("got results")
    except asyncio.CancelledError as error:
        note(f"main gets CancelledError({error})")


async def cancellation_broadcast(note):
    # test_tasks.py CoroutineGatherTests.test_cancellation_broadcast, with iterations.
    loop = asyncio.get_running_loop()
    proof = 0
    waiter = loop.create_future()

    async def inner():
        nonlocal proof
        await waiter
        proof += 1

    child1 = asyncio.ensure_future(inner())
    child2 = asyncio.ensure_future(inner())
    gatherer = None

    async def outer():
        nonlocal proof, gatherer
        gatherer = asyncio.gather(child1, child2)
        await gatherer
        proof += 100

    f = asyncio.ensure_future(outer())
    await asyncio.sleep(0)
    note(f"cancel {f.cancel()}")
    try:
        await f
    except asyncio.CancelledError:
        note("outer cancelled")
    note(f"gatherer.cancel {gatherer.cancel()}")
    note(f"waiter {waiter.cancelled()} child1 {child1.cancelled()} child2 {child2.cancelled()}")
    await asyncio.sleep(0)
    note(f"proof {proof}")


async def done_children_make_a_done_gather(note):
    loop = asyncio.get_running_loop()
    first = loop.create_future()
    second = loop.create_future()
    first.set_result(1)
    second.set_result(2)
    gathering = asyncio.gather(first, second, first)
    note(f"done at once {gathering.done()}")
    note(f"results {gathering.result()}")


require_312()
for scenario in (resumes_two_iterations_after_last_child, results_in_argument_order,
                 first_exception_at_once_siblings_run_on, return_exceptions_collects_every_outcome,
                 cancelling_the_gather_cancels_the_children,
                 cancelling_wins_over_return_exceptions, cancellation_broadcast,
                 done_children_make_a_done_gather):
    run(scenario)
