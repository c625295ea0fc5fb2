"""
# Looking inside

asyncio can tell you about itself. `asyncio.current_task()` is the task running the current
coroutine, `asyncio.all_tasks()` the set of tasks not finished yet, and debug mode
(`asyncio.run(main(), debug=True)`) adds checks, among them a warning for every step that holds
the loop longer than `loop.slow_callback_duration` (0.1 s by default).

## What you will see

Three named workers start. Each asks `current_task()` who it is. `main` lists `all_tasks()`
while they run (sorted by name, because it is a set), then again after they are done: only
`main` itself is left. Last, a *careless* task calls `time.sleep(0.3)` by mistake; debug mode
catches it and logs "Executing <Task ... name='careless' ...> took 0.300 seconds" on stderr.

## Watch

- The task cards against the printed list of all tasks: the same set.
- The console's stderr line for the slow step, tied to the step that blocked.

## Takeaway

Use `current_task()` and `all_tasks()` to find out what is running and what is stuck, and turn
on debug mode while developing: it finds blocking calls for you. Older tutorials write
`asyncio.Task.all_tasks()` and `asyncio.Task.current_task()`; those class methods were removed
in Python 3.9, and the module-level functions replace them.

## Try this

Replace `time.sleep(0.3)` with `time.sleep(0.05)`: it is under the 0.1 s threshold and debug
mode stays silent.
"""

import asyncio
import sys
import time


async def worker(seconds):
    me = asyncio.current_task()
    print(f"{me.get_name()}: started, working {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{me.get_name()}: done")


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def careless():
    await asyncio.sleep(1)
    time.sleep(0.3)  # blocks the loop: debug mode reports this step
    print("careless: finished its blocking call")


async def main():
    print(f"main runs as {asyncio.current_task().get_name()}")
    workers = [
        asyncio.create_task(worker(seconds), name=f"worker-{seconds}") for seconds in (1, 2, 4)
    ]
    await asyncio.sleep(0.5)
    # checkpoint: alive-now
    #   pause: time 1.5
    #   ask: worker-1 has finished. How many tasks are still alive (not finished)?
    #   check: tasks alive
    #   answer: 3
    #   explain: main, worker-2 and worker-4. all_tasks() would list the same three.
    print(f"all tasks: {names(asyncio.all_tasks())}")
    await asyncio.gather(*workers)
    print(f"all tasks after gather: {names(asyncio.all_tasks())}")

    await asyncio.create_task(careless(), name="careless")
    # The report above names the task and the measured time, which varies a little per run.
    print("main: debug mode's report is on stderr, just above", file=sys.stderr)


asyncio.run(main(), debug=True)
