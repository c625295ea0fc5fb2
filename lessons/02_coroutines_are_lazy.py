"""
# Coroutines are lazy

Calling an `async def` function does not run it. It builds a *coroutine object*: a paused
function call, waiting for someone to drive it. `await` drives it to the end, and
`asyncio.create_task` hands it to the event loop to drive alongside other tasks.

## What you will see

`brew("tea")` is called, but nothing is brewed: the console shows `coroutine`, the type of the
object we got back. Only at `await pending` does "brewing tea" appear. Then the program calls
`brew("coffee")` and forgets to await it. That coroutine never runs, and when the object is
thrown away Python complains on stderr:

    RuntimeWarning: coroutine 'brew' was never awaited

Finally a task brews cocoa while `main` keeps talking: a task is a coroutine the loop has
already started driving.

## Watch

- No task card appears for the forgotten coffee: a coroutine object is not a task.
- The console's stderr line for the warning, tied to the line `brew("coffee")`.

## Takeaway

A coroutine does nothing until it is awaited or wrapped in a task. A missing `await` is a silent
bug apart from that warning, so read it when you see it.

## Try this

Put `await` in front of `brew("coffee")`. The warning disappears, "brewing coffee" is printed
and the program takes 2.5 s longer.
"""

import asyncio


async def brew(drink):
    print(f"brewing {drink}")
    await asyncio.sleep(2.5)
    return f"{drink} is ready"


async def main():
    pending = brew("tea")
    print(type(pending).__name__)
    print("nothing has been brewed yet")
    # checkpoint: awaiting-starts-it
    #   pause: output nothing has been brewed yet
    #   ask: The coroutine object was made two lines ago. What is printed next?
    #   check: next-output
    #   choices: brewing tea | tea is ready | coroutine
    #   answer: brewing tea
    #   explain: Only `await pending` starts the coroutine, so its first line runs now.
    print(await pending)

    brew("coffee")  # forgotten await: this coroutine never runs
    print("no coffee: that coroutine was never started")

    task = asyncio.create_task(brew("cocoa"), name="cocoa")
    print("main: the cocoa task is created")
    await asyncio.sleep(0)
    print("main: chatting while the cocoa brews")
    print(await task)


asyncio.run(main())
