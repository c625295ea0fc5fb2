"""CPython's side of tests/async/to_thread_test.cpp.

Run: PYENV_VERSION=3.12.1 python3 tests/async/cpython/to_thread_orders.py
"""
import asyncio
import threading

import counting_loop
from counting_loop import require_312, run


class NotingLoop(counting_loop.CountingLoop):
    """Notes the iteration in which each call_soon_threadsafe callback (the wake-up) runs."""
    note = None

    def call_soon_threadsafe(self, callback, *args, context=None):
        def wake_up(*args):
            if NotingLoop.note:
                NotingLoop.note("wake-up callback runs")
            callback(*args)
        return super().call_soon_threadsafe(wake_up, *args, context=context)


counting_loop.CountingLoop = NotingLoop


def blocking(value):
    return value, threading.current_thread() is not threading.main_thread()


async def to_thread_resumes_after_the_wake_up(note):
    NotingLoop.note = note
    note("main submits")
    value, on_worker = await asyncio.to_thread(blocking, 7)
    note(f"main resumes value={value} on_worker={on_worker}")
    NotingLoop.note = None  # asyncio.run's executor shutdown posts one more


async def run_in_executor_future(note):
    NotingLoop.note = note
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(None, blocking, 8)
    note(f"future done={future.done()}")
    value, on_worker = await future
    note(f"main resumes value={value} on_worker={on_worker}")
    NotingLoop.note = None


async def to_thread_error_propagates(note):
    NotingLoop.note = note

    def failing():
        raise ValueError("in thread")

    try:
        await asyncio.to_thread(failing)
    except ValueError as error:
        note(f"main caught {error}")
    NotingLoop.note = None


require_312()
for scenario in (to_thread_resumes_after_the_wake_up, run_in_executor_future,
                 to_thread_error_propagates):
    run(scenario)
