"""
# Hello, event loop

One coroutine counts down from three, pausing one second between numbers. It is the smallest
asyncio program there is: a coroutine function (`async def`), one `await`, and `asyncio.run`,
which makes an event loop, runs the coroutine as the loop's first task and closes the loop.

## What you will see

A single task card, *Task-1* running `countdown()`. Each `await asyncio.sleep(1)` arms one timer
and the task moves from RUNNING to WAITING with an arrow to that timer. With nothing ready to
run, the loop sleeps in `epoll_wait` until the timer is due, then wakes the task again.

## Watch

- The loop ring: "blocked in epoll_wait for 1.00 s" while the countdown pauses.
- The timeline: one lane, mostly waiting, with a short running slice every second.

## Takeaway

`await` is where a task gives the loop back. While it sleeps, the loop is free to do anything
else; here there is nothing else, so it simply waits for the next timer.

Older code writes `loop = asyncio.get_event_loop()` and `loop.run_until_complete(main())`.
`asyncio.run` replaces that boilerplate and does more: it always makes a fresh loop, cancels
tasks left over when the coroutine returns, and closes the loop. Call it once, at the top of the
program; inside a coroutine, `await` instead.

## Try this

Replace `await asyncio.sleep(1)` with `await asyncio.sleep(0)`. The countdown finishes at once:
the task still gives the loop back at every `await`, but it is ready again immediately, so
the loop never sleeps.
"""

import asyncio


async def countdown(start):
    print("Hello, event loop!")
    for number in range(start, 0, -1):
        print(number)
        # checkpoint: first-sleep
        #   pause: line
        #   ask: The task has just started its first one-second sleep. What does it print next?
        #   check: next-output
        #   choices: 3 | 2 | Lift-off!
        #   answer: 2
        #   explain: The event loop wakes the task when the timer is due, and the `for` loop
        #     goes on to the next number.
        await asyncio.sleep(1)
    print("Lift-off!")
    # A second run of the loop, so the lesson lasts long enough to watch the ring.
    await asyncio.sleep(2)
    print("Goodbye.")


# checkpoint: sleeping-loop
#   pause: time 1.5
#   ask: Half-way through a sleep, how many tasks are waiting on a timer?
#   check: waiting timer
#   answer: 1
#   explain: One task, one timer: nothing else exists, so the loop sleeps until it is due.
asyncio.run(countdown(3))
