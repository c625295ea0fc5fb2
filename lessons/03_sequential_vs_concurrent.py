"""
# Sequential vs concurrent

Three downloads of one second each. Awaited one after the other they take three seconds;
started together with `asyncio.gather` they take one, because all three wait at the same time.
Then twenty pages are fetched through a simulated HTTP client (`lib/fake_http.py`, standing in
for aiohttp: each URL has its own fixed latency), first in a plain `for` loop, then with
`gather`.

## What you will see

In the sequential round, one task waits on one timer at a time. In the concurrent round,
`gather` wraps each coroutine in a task, so three task cards appear and three timers count down
side by side. `time.perf_counter()` measures each round; the lesson prints it rounded (a
real clock adds a few milliseconds to every wait).

## Watch

- The timeline: three short lanes one after another, then three lanes stacked in parallel.
- In the twenty-page round, the slowest page alone decides how long the whole round takes.

## Takeaway

`await` in a loop is still one thing at a time. Waiting overlaps only when the coroutines
are tasks at the same time: `gather` (or `create_task`, or a TaskGroup) does that for you.
The speed-up is roughly total latency divided by the longest single wait.

## Try this

Change the first round's loop to `await asyncio.gather(*(download(n) for n in names))`, or make
one of the downloads ten times slower: the concurrent round then takes as long as that one.
"""

import asyncio
import time

from lib.fake_http import ClientSession


async def download(name):
    print(f"start {name}")
    await asyncio.sleep(1)
    print(f"done {name}")
    return name.upper()


async def one_by_one(names):
    results = []
    for name in names:
        results.append(await download(name))
    return results


async def fetch_page(session, url):
    async with session.get(url) as response:
        return response.status


async def main():
    names = ["a", "b", "c"]

    started = time.perf_counter()
    print(await one_by_one(names))
    print(f"one by one: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    # checkpoint: gather-starts
    #   pause: line
    #   ask: `main` now waits on gather. Which line is printed next?
    #   check: next-output
    #   choices: start a | start c | done a
    #   answer: start a
    #   explain: gather turned each coroutine into a task, in argument order; the loop runs
    #     them in that order as soon as `main` gives it back.
    results = await asyncio.gather(*(download(name) for name in names))
    print(results)
    print(f"together: {time.perf_counter() - started:.1f} s")

    urls = [f"https://example.com/items/{number}" for number in range(20)]
    async with ClientSession() as session:
        started = time.perf_counter()
        for url in urls:
            await fetch_page(session, url)
        # Twenty waits in a row add up their small delays: round to whole seconds.
        sequential = round(time.perf_counter() - started)
        print(f"20 pages one by one: about {sequential} s")

        started = time.perf_counter()
        statuses = await asyncio.gather(*(fetch_page(session, url) for url in urls))
        concurrent = round(time.perf_counter() - started, 1)
        print(f"20 pages together: {concurrent} s")
        print(f"statuses: {sorted(set(statuses))}")
    print(f"speed-up: about {sequential / concurrent:.0f}x")


# checkpoint: three-timers
#   pause: time 3.5
#   ask: Half-way through the concurrent round, how many tasks are waiting on a timer?
#   check: waiting timer
#   answer: 3
#   explain: The three downloads sleep at the same time; `main` waits on the gather, not on a
#     timer.
asyncio.run(main())
