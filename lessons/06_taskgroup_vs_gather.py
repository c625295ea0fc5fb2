"""
# TaskGroup vs gather on failure

Three users are loaded at once and loading user 2 fails after one second. The same job runs
twice: under `asyncio.gather`, then under `asyncio.TaskGroup` (Python 3.11+).

## What you will see

User 1 is quick and loads before anything goes wrong. With `gather`, the ValueError reaches
`main` as soon as user 2 fails, but user 3 keeps loading: its card stays WAITING and its
"loaded" line still appears after the error was caught. Nobody is waiting for its result.

With a TaskGroup, the failure cancels the siblings still running: a cancel mark hits user 3,
its `finally` block prints, and once every child has finished the `async with` block raises an
`ExceptionGroup` holding the ValueError.

## Watch

- The cancel shock travelling from the task group to user 3.
- The DONE / CANCELLED / FAILED row at the end of each round.

## Takeaway

`gather` reports the first failure but leaves the other tasks running (unless you cancel them
yourself). A TaskGroup keeps the family together: one failure cancels the rest, and you learn
about every error through the ExceptionGroup. Prefer TaskGroup for work that only makes sense
as a whole.

## Try this

Pass `return_exceptions=True` to the `gather` call: no exception reaches `main`, and the error
arrives as an item of the result list instead.
"""

import asyncio


# User 2 is the broken one; user 1 is quick, user 3 slow.
LOAD_SECONDS = {1: 1.0, 2: 1.6, 3: 3.2}


async def load_user(number):
    try:
        await asyncio.sleep(LOAD_SECONDS[number])
        if number == 2:
            raise ValueError(f"user {number} not found")
        print(f"user {number}: loaded")
        return f"user-{number}"
    finally:
        print(f"user {number}: finally")


async def with_gather():
    tasks = [asyncio.create_task(load_user(n), name=f"gather-user-{n}") for n in (1, 2, 3)]
    try:
        await asyncio.gather(*tasks)
    except ValueError as error:
        print(f"gather raised: {error}")
    # Give the abandoned tasks time to finish, to show they were never stopped.
    await asyncio.sleep(2)


async def with_task_group():
    try:
        async with asyncio.TaskGroup() as group:
            for n in (1, 2, 3):
                group.create_task(load_user(n), name=f"group-user-{n}")
    except ExceptionGroup as failures:
        print(f"TaskGroup raised: {failures}")
        for error in failures.exceptions:
            print(f"  inside: {type(error).__name__}: {error}")


async def main():
    print("--- gather ---")
    await with_gather()
    print("--- TaskGroup ---")
    await with_task_group()


# checkpoint: gather-sibling
#   pause: end
#   ask: After gather raised, what became of user 3's task under gather?
#   check: outcome gather-user-3
#   choices: done | cancelled | failed
#   answer: done
#   explain: gather does not cancel the other tasks when one fails; user 3 finished loading.
#
# checkpoint: group-sibling
#   pause: end
#   ask: And user 3's task in the TaskGroup?
#   check: outcome group-user-3
#   choices: done | cancelled | failed
#   answer: cancelled
#   explain: The TaskGroup cancels the remaining children as soon as one of them fails.
asyncio.run(main())
