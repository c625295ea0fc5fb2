"""
# Never block the loop

A *ticker* task prints once a second and reports how late each tick is. Meanwhile `main` needs
to wait three seconds for something that is not a coroutine. First it calls `time.sleep(3)`
directly; then it hands a similar wait to a worker thread with `loop.run_in_executor`.

## What you will see

`time.sleep(3)` holds the only thread the loop has. The loop ring freezes, the ticker's timer
comes due and is not served: the tick due at 2 s is printed at 4.5 s, 2.5 s late. Then
`run_in_executor(None, time.sleep, 2.8)` runs the sleep on a worker of the default thread pool
(the THREADS row), `main` awaits its future, and the ticks keep arriving on time.

## Watch

- The loop ring: "blocked" for three seconds, with the overdue timer piling up lateness.
- The THREADS row: a worker busy for 2.8 s while the loop keeps running the ticker.

## Takeaway

Anything that blocks without `await` (`time.sleep`, a blocking library call, a long
computation) freezes every task, not just the one that called it. Keep blocking calls off the
loop: use the async version (`asyncio.sleep`), or push the call to a thread. Get the loop with
`asyncio.get_running_loop()` inside a coroutine; older code calls `get_event_loop()`, which
in a coroutine returns the same loop but is deprecated in other situations.

## Try this

Replace `time.sleep(3)` with `await asyncio.sleep(3)`: no tick is late any more.
"""

import asyncio
import time


async def ticker(ticks):
    loop = asyncio.get_running_loop()
    start = loop.time()
    due = 0.0
    for number in range(ticks):
        now = loop.time() - start
        late = now - due
        lateness = f" ({late:.1f} s late)" if late >= 0.1 else ""
        print(f"tick {number} at {now:.1f} s{lateness}")
        due = now + 1
        await asyncio.sleep(1)


async def main():
    ticks = asyncio.create_task(ticker(7), name="ticker")
    await asyncio.sleep(1.5)

    print("main: time.sleep(3) blocks the loop")
    # checkpoint: frozen
    #   pause: output main: time.sleep(3) blocks the loop
    #   ask: Tick 2 is due at 2 s. At what time (in seconds) will it be printed?
    #   check: number tick 2 at
    #   answer: 4.5
    #   explain: The loop cannot fire the timer while time.sleep holds the thread; the tick
    #     runs when `main` gives the loop back at 4.5 s, 2.5 s late.
    time.sleep(3)
    print("main: awake again")

    loop = asyncio.get_running_loop()
    print("main: a worker thread sleeps 2.8 s instead")
    await loop.run_in_executor(None, time.sleep, 2.8)
    print("main: the worker is done")
    await ticks


asyncio.run(main())
