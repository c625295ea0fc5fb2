"""
# Background tasks

`asyncio.create_task` starts a coroutine as a task and returns at once, so the caller keeps
going while the task runs in the background. Later the caller awaits the task to collect its
result (or to be sure it has finished).

## What you will see

`main` creates a *backup* task and goes on with its own work. The new task does not run yet:
it sits in the READY row until `main` reaches an `await` and gives the loop back. From then on
the two tasks take turns whenever one of them waits. At the end `main` awaits the task and
waits on it (an arrow from `main` to `backup`) until the backup is done.

## Watch

- The READY row right after `create_task`: the backup card waits there while `main` runs.
- The timeline: the two lanes overlap; `main` does not wait for the backup until the end.

## Takeaway

`create_task` schedules, it does not run. The task gets the loop at the caller's next `await`.
Keep a reference to the task (here the variable `backup`) and await it before you finish:
the loop only keeps a weak reference to running tasks, and `asyncio.run` cancels any task
still running when `main` returns.

## Try this

Remove the last line of `main`, `print(await backup, ...)`. `main` ends after its three work
steps, and `asyncio.run` cancels the backup half-way: "backup: finished" never appears.
"""

import asyncio


async def back_up(files):
    print("backup: starting")
    for name in files:
        await asyncio.sleep(1.3)
        print(f"backup: copied {name}")
    print("backup: finished")
    return len(files)


async def main():
    backup = asyncio.create_task(back_up(["notes", "photos", "music", "mail"]), name="backup")
    print("main: backup task created")
    # checkpoint: who-runs-first
    #   pause: output main: backup task created
    #   ask: The backup task has just been created. What is printed next?
    #   check: next-output
    #   choices: backup: starting | main: working on step 1
    #   answer: main: working on step 1
    #   explain: A new task only runs once the running one awaits; `main` prints before its
    #     first await.
    for step in range(1, 4):
        print(f"main: working on step {step}")
        await asyncio.sleep(1)
    print("main: my work is done, waiting for the backup")
    print(await backup, "files backed up")


# checkpoint: first-wake-up
#   pause: wait backup
#   ask: The backup task has started its first copy (1.3 s) and waits. Which task runs next?
#     (`main` is the task asyncio.run made, Task-1.)
#   check: next-step
#   choices: Task-1 | backup
#   answer: Task-1
#   explain: `main` sleeps 1 s per step and the backup 1.3 s per file: main's timer is due first.
#
# checkpoint: backup-outcome
#   pause: end
#   ask: How did the backup task end?
#   check: outcome backup
#   choices: done | cancelled | failed
#   answer: done
#   explain: `main` awaited it, so it ran to the end before asyncio.run returned.
asyncio.run(main())
