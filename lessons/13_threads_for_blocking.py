"""
# Threads for blocking libraries

Some libraries only block: they have no `async` API (think `requests.get`). Here
`blocking_get` from `lib/fake_http.py` plays that part: it holds its thread with `time.sleep`
for the URL's latency. `asyncio.to_thread(function, *args)` runs such a call on a worker
thread and gives you an awaitable for its result, so the loop stays free.

## What you will see

First the four calls run directly inside a coroutine: the loop is blocked for each in turn,
3.0 s in all. Then each call goes through `asyncio.to_thread`: four workers appear in the
THREADS row, the four reports finish in the order of their latencies, and the round takes as
long as the slowest, 0.9 s. Last, a spinner task keeps turning while a two-second
"compression" runs in a thread.

## Watch

- The THREADS row: jobs submitted to the default thread pool, started, finished.
- The spinner's lane: it keeps running while the worker thread is busy.

## Takeaway

`to_thread` is the bridge for blocking code you cannot rewrite: the loop thread hands the call
to a pool and awaits a future. It helps with waiting (I/O, sleeps) because a waiting thread
releases Python's GIL. It does not make Python computations faster: see the next lesson.

## Try this

Call `blocking_get(url)` directly inside `check` instead of through `to_thread`: the second
round takes 3.0 s again and the reports come back in list order, one after the other.
"""

import asyncio
import time

from lib.fake_http import blocking_get

URLS = [f"https://legacy.example.com/report/{number}" for number in (0, 1, 2, 8)]


async def check(url):
    status = await asyncio.to_thread(blocking_get, url)
    print(f"{url}: {status}")
    return status


def compress_archive():
    time.sleep(2)  # a blocking library call
    return "archive.zip"


async def spinner():
    turns = 0
    while True:
        await asyncio.sleep(0.3)
        turns += 1
        print(f"spinner: turn {turns}")


async def main():
    started = time.perf_counter()
    for url in URLS:
        blocking_get(url)  # blocks the loop thread itself
    print(f"blocking calls on the loop: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    # checkpoint: first-report
    #   pause: line
    #   ask: Four reports run in worker threads. Which one is printed first?
    #   check: next-output
    #   choices: https://legacy.example.com/report/0: 200 | https://legacy.example.com/report/2: 200 | https://legacy.example.com/report/8: 200
    #   answer: https://legacy.example.com/report/8: 200
    #   explain: The threads run side by side; report 8 has the shortest latency (0.6 s).
    await asyncio.gather(*(check(url) for url in URLS))
    print(f"the same calls in threads: {time.perf_counter() - started:.1f} s")

    spinning = asyncio.create_task(spinner(), name="spinner")
    archive = await asyncio.to_thread(compress_archive)
    print(f"main: {archive} is ready")
    spinning.cancel()


# checkpoint: spinner-outcome
#   pause: end
#   ask: How does the spinner task end?
#   check: outcome spinner
#   choices: done | cancelled | failed
#   answer: cancelled
asyncio.run(main())
