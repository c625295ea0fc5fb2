"""CPython's side of tests/async/shield_test.cpp.

Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/shield_orders.py
"""
import asyncio

from counting_loop import require_312, run


async def cancelling_the_awaiter_leaves_the_inner_running(note):
    async def inner():
        await asyncio.sleep(0.01)
        note("inner ends")
        return 7

    async def awaiter(task):
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            note("awaiter cancelled")
            raise

    inner_task = asyncio.create_task(inner())
    awaiting = asyncio.create_task(awaiter(inner_task))
    await asyncio.sleep(0)
    awaiting.cancel()
    try:
        await awaiting
    except asyncio.CancelledError:
        note(f"inner cancelled={inner_task.cancelled()}")
    note(f"inner result {await inner_task}")


async def cancelled_inner_cancels_the_shield(note):
    async def inner():
        await asyncio.sleep(10)

    inner_task = asyncio.create_task(inner())
    shielded = asyncio.shield(inner_task)
    await asyncio.sleep(0)
    inner_task.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        note(f"shield cancelled={shielded.cancelled()}")


async def results_and_errors_pass_through(note):
    async def value():
        await asyncio.sleep(0)
        return 5

    async def failing():
        await asyncio.sleep(0)
        raise ValueError("bad")

    note(f"value {await asyncio.shield(value())}")
    try:
        await asyncio.shield(failing())
    except ValueError as error:
        note(f"error {error}")
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result(1)
    note(f"done future is its own shield {asyncio.shield(done) is done}")


require_312()
for scenario in (cancelling_the_awaiter_leaves_the_inner_running,
                 cancelled_inner_cancels_the_shield, results_and_errors_pass_through):
    run(scenario)
