"""CPython's side of tests/async/wait_test.cpp and as_completed_test.cpp.

Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/wait_orders.py
"""
import asyncio

from counting_loop import require_312, run


async def sleeper(delay, result, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(result)
    return result


def names(tasks):
    return ",".join(sorted(task.get_name() for task in tasks)) or "-"


async def wait_all_completed(note):
    a = asyncio.create_task(sleeper(0.01, 1), name="a")
    b = asyncio.create_task(sleeper(0.02, 2), name="b")
    done, pending = await asyncio.wait([a, b])
    note(f"done {names(done)} pending {names(pending)}")


async def wait_first_completed(note):
    a = asyncio.create_task(sleeper(0.01, 1), name="a")
    b = asyncio.create_task(sleeper(0.02, 2), name="b")
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    note(f"done {names(done)} pending {names(pending)}")
    await b


async def wait_first_exception(note):
    a = asyncio.create_task(sleeper(0.01, 1), name="a")
    b = asyncio.create_task(sleeper(0.02, "bad", fail=True), name="b")
    c = asyncio.create_task(sleeper(0.03, 3), name="c")
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_EXCEPTION)
    note(f"done {names(done)} pending {names(pending)}")
    await c


async def wait_first_exception_without_one(note):
    a = asyncio.create_task(sleeper(0.01, 1), name="a")
    b = asyncio.create_task(sleeper(0.02, 2), name="b")
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_EXCEPTION)
    note(f"done {names(done)} pending {names(pending)}")


async def wait_timeout_returns_pending(note):
    a = asyncio.create_task(sleeper(0.01, 1), name="a")
    b = asyncio.create_task(sleeper(10, 2), name="b")
    done, pending = await asyncio.wait([a, b], timeout=0.02)
    note(f"done {names(done)} pending {names(pending)} b cancelled={b.cancelled()}")
    b.cancel()


async def wait_for_nothing(note):
    try:
        await asyncio.wait([])
    except ValueError as error:
        note(f"ValueError {error}")


async def as_completed_order(note):
    a = asyncio.create_task(sleeper(0.03, "a"))
    b = asyncio.create_task(sleeper(0.01, "b"))
    c = asyncio.create_task(sleeper(0.02, "c"))
    for next_one in asyncio.as_completed([a, b, c]):
        note(f"got {await next_one}")


async def as_completed_timeout(note):
    a = asyncio.create_task(sleeper(0.01, "a"))
    b = asyncio.create_task(sleeper(10, "b"))
    try:
        for next_one in asyncio.as_completed([a, b], timeout=0.02):
            note(f"got {await next_one}")
    except TimeoutError:
        note(f"TimeoutError b cancelled={b.cancelled()}")
    b.cancel()


async def as_completed_raises_in_turn(note):
    a = asyncio.create_task(sleeper(0.01, "bad", fail=True))
    b = asyncio.create_task(sleeper(0.02, "b"))
    for next_one in asyncio.as_completed([a, b]):
        try:
            note(f"got {await next_one}")
        except ValueError as error:
            note(f"raised {error}")


async def as_completed_of_done_futures(note):
    loop = asyncio.get_running_loop()
    first = loop.create_future()
    first.set_result("first")
    for next_one in asyncio.as_completed([first]):
        note(f"got {await next_one}")


require_312()
for scenario in (wait_all_completed, wait_first_completed, wait_first_exception,
                 wait_first_exception_without_one, wait_timeout_returns_pending, wait_for_nothing,
                 as_completed_order, as_completed_timeout, as_completed_raises_in_turn,
                 as_completed_of_done_futures):
    run(scenario)
