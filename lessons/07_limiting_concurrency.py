"""
# Limiting concurrency

Five hundred requests go out through one simulated HTTP session (`lib/fake_http.py`, standing
in for aiohttp). Firing them all at once would be rude to the server, so an
`asyncio.Semaphore(10)` lets at most ten of them be in flight at any moment.

## What you will see

`gather` creates five hundred tasks at once. Ten of them get through `async with gate` and wait
on their responses; the other 490 queue up on the semaphore. Every time a response arrives,
its task leaves the `async with` block, the semaphore wakes the task at the head of its queue,
and a new request starts. The stage shows the crowd aggregated: "waiting on Semaphore(10)".

## Watch

- The semaphore's value: 10 free permits at the start, 0 for almost all the run.
- The WAITING row: never more than ten request timers at a time.
- The timeline: five hundred lanes, each a long wait for the semaphore, then a short request.

## Takeaway

A semaphore is a counter of permits. `async with semaphore` takes one (waiting in line if none
is left) and gives it back on exit, even on errors. It caps concurrency without changing the
code that does the work. Waiters are served first come, first served.

## Try this

Change `Semaphore(10)` to `Semaphore(50)`: the peak goes up to 50 and the run is five times
shorter. Or remove the `async with gate:` line altogether and watch five hundred requests leave
at once.
"""

import asyncio
import time

from lib.fake_http import ClientSession

REQUESTS = 500
LIMIT = 10


async def fetch_limited(gate, session, url):
    async with gate:
        async with session.get(url) as response:
            return await response.json()


async def main():
    gate = asyncio.Semaphore(LIMIT)
    urls = [f"https://api.example.com/items/{number}" for number in range(REQUESTS)]
    async with ClientSession() as session:
        started = time.perf_counter()
        results = await asyncio.gather(*(fetch_limited(gate, session, url) for url in urls))
        elapsed = time.perf_counter() - started
    print(f"responses: {len(results)}")
    print(f"all answered 200: {all(result['status'] == 200 for result in results)}")
    print(f"peak requests in flight: {session.peak_in_flight}")
    # Rounded to five seconds: the exact figure depends on the machine, not on the lesson.
    print(f"took about {round(elapsed / 5) * 5} s")


# checkpoint: in-flight
#   pause: time 5.05
#   ask: Five seconds in, how many requests are waiting for their response (on a timer)?
#   check: waiting timer
#   answer: 10
#   explain: Only the ten tasks holding a permit are inside `session.get`; everyone else waits
#     on the semaphore.
#
# checkpoint: peak
#   pause: time 5.05
#   ask: What peak will the program report for requests in flight?
#   check: number peak requests in flight:
#   answer: 10
#   explain: The semaphore never hands out more than its ten permits.
asyncio.run(main())
