"""
# Timeouts

Some work takes too long. `asyncio.wait_for(awaitable, timeout=5)` waits at most five seconds;
when time is up it cancels the work and raises `TimeoutError`. `async with asyncio.timeout(2)`
(Python 3.11+) puts the same kind of deadline on a whole block of code.

## What you will see

A yearly report that needs eight seconds runs as a task named *yearly*. After five seconds the
timeout fires. It cancels `main`'s wait, and cancelling a task that awaits another task cancels
that one too: CancelledError is thrown into the report at its `await`, its `except` block prints
and re-raises, the report ends CANCELLED, and only then does `main` resume, where `wait_for`
turns its CancelledError into TimeoutError. Next, two reports run under a two-second `asyncio.timeout` block: the daily one is
quick enough, the weekly one is cut off.

## Watch

- The timeout scope's deadline next to the task's own timer in the WAITING row.
- The cancel mark on *yearly* at five seconds, and `main` resuming only after it.

## Takeaway

A timeout is a cancellation with a deadline. The work really stops (its `finally` and
`except CancelledError` blocks run) and the caller gets `TimeoutError`. Since Python 3.11
`asyncio.TimeoutError` is just another name for the builtin `TimeoutError`, so catch that.
Note that `wait_for` runs a coroutine inside the caller's task; here the report is a separate
task so that you can watch it being cancelled.

## Try this

Raise the `wait_for` timeout to 10: the report finishes, its result is printed and nothing is
cancelled. Or pass `asyncio.shield(yearly)` to `wait_for`: the timeout still fires in `main`,
but the shield keeps the cancellation away from the report, and `yearly.cancelled()` is False.
"""

import asyncio


async def build_report(name, seconds):
    print(f"{name}: started, needs {seconds} s")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, throwing the draft away")
        raise
    print(f"{name}: finished")
    return f"the {name} report"


async def main():
    yearly = asyncio.create_task(build_report("yearly", 8), name="yearly")
    try:
        print(await asyncio.wait_for(yearly, timeout=5))
    except TimeoutError:
        print("main: wait_for gave up after 5 s")
    print(f"main: yearly.cancelled() is {yearly.cancelled()}")

    for name, seconds in [("daily", 1), ("weekly", 3)]:
        try:
            async with asyncio.timeout(2):
                print(await build_report(name, seconds))
        except TimeoutError:
            print(f"main: the {name} report went over its 2 s budget")


# checkpoint: timeout-fires
#   pause: time 4.5
#   ask: The yearly report still needs 3.5 s but the timeout is due in 0.5 s. What is printed
#     next?
#   check: next-output
#   choices: yearly: finished | yearly: cancelled, throwing the draft away | main: wait_for gave up after 5 s
#   answer: yearly: cancelled, throwing the draft away
#   explain: The timeout cancels the task first; wait_for raises only once the task has
#     finished cancelling.
#
# checkpoint: yearly-outcome
#   pause: end
#   ask: How did the yearly task end?
#   check: outcome yearly
#   choices: done | cancelled | failed
#   answer: cancelled
asyncio.run(main())
