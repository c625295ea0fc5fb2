"""CPython's side of tests/async/task_test.cpp and task_cancel_test.cpp.

Records, per scenario, the `what@iteration` notes the C++ tests expect, into
tests/async/expected/task_orders.txt. Iteration 1 is the one that runs main's first step, as in
the C++ tests. Notes are single tokens.
Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/task_orders.py
"""
import asyncio
import pathlib
import sys

import counting_loop

def run(scenario):
    """Runs `scenario(note)` on a loop that counts its iterations; returns its recorded line."""
    counting_loop.iteration = 0
    log = []

    def note(what):
        log.append(f"{what}@{counting_loop.iteration}")

    with asyncio.Runner(loop_factory=counting_loop.CountingLoop) as runner:
        runner.run(scenario(note))
    return f"{scenario.__name__}: {' '.join(log)}"


async def child_starts_next_iteration(note):
    async def child():
        note("child_runs")
        return 7

    note("main_starts")
    task = asyncio.create_task(child())
    note("main_continues")
    await task
    note("main_resumes")


async def sleep_zero_is_a_bare_yield(note):
    note("before")
    await asyncio.sleep(0)
    note("after")


async def sleep_resumes_after_timer(note):
    await asyncio.sleep(0.01)
    note("woke")


async def awaiting_a_coroutine_runs_inline(note):
    async def inner():
        note("inner")
        return 5

    await inner()
    await inner()
    note("main")


async def catch_cancelled_and_go_on(note):
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            note("caught")
        await asyncio.sleep(0.01)
        note("finished_anyway")
        return 42

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    task.cancel()
    await task
    note(f"cancelling={task.cancelling()}")


async def cancel_while_running(note):
    async def self_cancelling():
        asyncio.current_task().cancel()
        note("still_running")
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            note("cancelled_at_the_await")
            raise

    task = asyncio.create_task(self_cancelling())
    try:
        await task
    except asyncio.CancelledError:
        pass


def main():
    counting_loop.require_312()
    scenarios = (child_starts_next_iteration, sleep_zero_is_a_bare_yield, sleep_resumes_after_timer,
                 awaiting_a_coroutine_runs_inline, catch_cancelled_and_go_on, cancel_while_running)
    lines = [run(scenario) for scenario in scenarios]
    target = pathlib.Path(__file__).resolve().parent.parent / "expected" / "task_orders.txt"
    if "--print" in sys.argv:  # for tests/support/check_cpython_recordings.py
        print("\n".join(lines))
        return
    target.write_text("\n".join(lines) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
