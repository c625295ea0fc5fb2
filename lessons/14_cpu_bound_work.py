"""
# CPU-bound work

asyncio overlaps *waiting*. A computation never waits: it keeps the loop's only thread busy
until it returns, and no other task runs meanwhile. A *heartbeat* task that counts its turns
makes this visible; then three "jobs" are gathered, first three computations, then three
downloads.

## What you will see

During one big computation the heartbeat gets no turn at all. Cut into ten slices with an
`await asyncio.sleep(0)` between them, the same work lets the heartbeat in ten times, but it
takes just as long. Under `gather`, the three computations run strictly one after another
(start, finish, start, finish...), while the three downloads all start, wait together and
finish together five seconds later.

## Watch

- The RUNNING slot: one long step for the big computation, ten short ones for the slices.
- The timeline of the two `gather` rounds: a staircase for computing, parallel lanes for
  waiting.

## Takeaway

asyncio is for I/O-bound work. CPU-bound work hogs the loop; slicing it keeps the loop
responsive but does not make it faster, and threads do not help either: some guides suggest
`asyncio.to_thread` for CPU-bound work, but Python's GIL lets only one thread compute at a time,
so the loop stays responsive while the computation goes no faster. For real parallel computation use processes:
`loop.run_in_executor(concurrent.futures.ProcessPoolExecutor(), function, ...)` or the
`multiprocessing` module (both outside what Loopscope runs).

## Try this

Make the slices smaller: `range(100)` slices of 2,000 numbers. The heartbeat gets a hundred
turns; the total work is the same.
"""

import asyncio


def crunch(numbers):
    """A pure computation: no await anywhere."""
    total = 0
    for number in range(numbers):
        total = (total + number * number) % 1000003
    return total


async def heartbeat(turns):
    while True:
        turns[0] += 1
        await asyncio.sleep(0)


async def computation(name):
    print(f"compute {name}: start")
    result = crunch(50000)
    print(f"compute {name}: finished")
    return result


async def download(name):
    print(f"download {name}: start")
    await asyncio.sleep(5)
    print(f"download {name}: finished")
    return name


async def main():
    turns = [0]
    beating = asyncio.create_task(heartbeat(turns), name="heartbeat")
    await asyncio.sleep(0)

    before = turns[0]
    crunch(200000)
    print(f"heartbeat turns during one big computation: {turns[0] - before}")

    before = turns[0]
    for _ in range(10):
        crunch(20000)
        await asyncio.sleep(0)
    print(f"heartbeat turns during ten slices: {turns[0] - before}")
    beating.cancel()

    # checkpoint: staircase
    #   pause: line
    #   ask: Three computations are gathered. Put these lines in the order they appear.
    #   check: output-order
    #   choices: compute b: start | compute a: finished | compute b: finished | compute a: start
    #   answer: compute a: start | compute a: finished | compute b: start | compute b: finished
    #   explain: A computation has no await, so each one runs to its end before the next starts.
    await asyncio.gather(computation("a"), computation("b"), computation("c"))
    await asyncio.gather(download("a"), download("b"), download("c"))


asyncio.run(main())
