"""
# Who finishes first

Two tasks start together: `slow` sleeps two seconds, `quick` one. They start in the order they
were given to `asyncio.gather`, finish in the order their timers fire, and yet `gather` returns
their results in argument order. A second round with three tasks makes the point again.

## What you will see

Both task cards start RUNNING one after the other in the same loop iteration, then wait on
their timers. After one second `quick`'s timer fires first; after two seconds `slow`'s does. The
list `gather` returns still begins with `slow`'s result.

## Watch

- The WAITING row: timers are kept sorted by deadline, not by who armed them first.
- The console: start order, finish order and the result list disagree, and that is fine.

## Takeaway

Concurrent tasks finish when their waits end, not in the order you started them. `gather`
hides that for its results, which always line up with its arguments; if you need results as
they come, use `asyncio.as_completed` instead.

## Try this

Give `quick` three seconds instead of one: now it finishes last, but `results` does not change
order.
"""

import asyncio


async def job(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done after {seconds} s")
    return f"{name}-result"


async def main():
    # checkpoint: first-to-finish
    #   pause: time 0.5
    #   ask: Both tasks are asleep. Which one prints "done" first?
    #   check: next-output
    #   choices: slow: done after 2 s | quick: done after 1 s
    #   answer: quick: done after 1 s
    #   explain: The loop wakes tasks by timer deadline; quick's timer is due first.
    results = await asyncio.gather(job("slow", 2), job("quick", 1))
    print("results:", results)

    # checkpoint: finish-order
    #   pause: line
    #   ask: Put the three "done" lines in the order they appear.
    #   check: output-order
    #   choices: red: done after 3 s | green: done after 1 s | blue: done after 2 s
    #   answer: green: done after 1 s | blue: done after 2 s | red: done after 3 s
    #   explain: Shortest sleep first; gather's argument order only decides the result list.
    results = await asyncio.gather(job("red", 3), job("green", 1), job("blue", 2))
    print("results:", results)


asyncio.run(main())
