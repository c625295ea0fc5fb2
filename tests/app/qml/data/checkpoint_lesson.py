"""
# Checkpoint test

A tiny lesson for the app's Qt Quick Tests (tests/app/qml/tst_checkpoints.qml): two tasks, a
checkpoint with choices and one with a free answer.
"""

import asyncio


async def worker(name, delay):
    print(f"start {name}")
    await asyncio.sleep(delay)
    print(f"done {name}")


async def main():
    first = asyncio.create_task(worker("a", 0.2), name="a")
    second = asyncio.create_task(worker("b", 0.1), name="b")
    # checkpoint: who-prints
    #   pause: line
    #   ask: `main` now waits for both tasks. Which line is printed next?
    #   check: next-output
    #   choices: start b | start a | done b
    #   answer: start a
    #   explain: Tasks start in the order they were created, at main's first await.
    await asyncio.gather(first, second)
    print("all done")


# checkpoint: finished
#   pause: end
#   ask: How many tasks ended done?
#   check: tasks done
#   answer: 3
asyncio.run(main())
