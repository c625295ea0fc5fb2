"""
# Handling errors

An exception raised in a coroutine travels up through `await`, exactly like through a normal
function call, so `try` / `except` around an `await` catches it. Tasks are different: a task's
exception is stored in the task and re-raised by whoever awaits it. If nobody ever does, asyncio
can only complain when the task is thrown away.

## What you will see

First a sensor read fails and `main` catches the ConnectionError around the `await`. Then four
sensors are read with `gather(..., return_exceptions=True)`: nothing is raised, and the failed
sensor's slot in the result list holds the exception object itself. Last, a task is started and
forgotten; it fails, nobody awaits it, and asyncio writes "Task exception was never retrieved"
with the traceback to stderr.

## Watch

- The FAILED marks on the task cards, and which ones a caller looked at.
- The console's stderr lines when the forgotten task is discarded.

## Takeaway

Handle errors where you await. With `gather`, `return_exceptions=True` turns failures into
values so that one bad input does not hide the other results; check each result with
`isinstance(result, Exception)`. Never start a task without keeping it and awaiting it (or use
a TaskGroup), or its errors end up as a log line instead of in your code.

## Try this

Keep the forgotten task in a variable and `await` it inside a `try` block: the stderr report
disappears and the ConnectionError is yours to handle.
"""

import asyncio


async def read_sensor(number):
    await asyncio.sleep(number * 0.5)
    if number == 3:
        raise ConnectionError(f"sensor {number} offline")
    return number * 10


async def main():
    try:
        await read_sensor(3)
    except ConnectionError as error:
        print(f"caught: {error!r}")

    results = await asyncio.gather(*(read_sensor(n) for n in (1, 2, 3, 4)), return_exceptions=True)
    for number, result in zip((1, 2, 3, 4), results):
        if isinstance(result, Exception):
            print(f"sensor {number}: failed with {type(result).__name__}: {result}")
        else:
            print(f"sensor {number}: {result}")

    asyncio.create_task(read_sensor(3), name="forgotten")
    await asyncio.sleep(2)
    print("main: done, never having looked at the forgotten task")


# checkpoint: failed-tasks
#   pause: end
#   ask: By the end of the run, how many tasks have ended FAILED?
#   check: tasks failed
#   answer: 2
#   explain: Sensor 3's task inside the gather, and the forgotten task. The first
#     `read_sensor(3)` was awaited directly: it ran inside `main`'s task, which caught the error.
#
# checkpoint: forgotten-outcome
#   pause: end
#   ask: How did the forgotten task end?
#   check: outcome forgotten
#   choices: done | cancelled | failed
#   answer: failed
#   explain: It raised ConnectionError; the exception sat in the task until it was discarded.
asyncio.run(main())
