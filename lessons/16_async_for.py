"""
# async for

An *async generator* is an `async def` function with `yield` in it. It can await between the
values it produces, so it fits data that arrives over time: sensor readings, pages of results,
lines from a socket. `async for` pulls one value at a time and waits for each.

## What you will see

A sensor produces five readings, one per second; `async for` prints each as soon as it
arrives, five seconds in all. Then four pages are read through an async generator over the
simulated HTTP client (`lib/fake_http.py`, standing in for aiohttp): one after another, because
the generator only fetches the next page when asked for it. Finally the same four pages are
fetched with `gather`, all at once.

## Watch

- One task only in the first two parts: an async generator is not a task, it runs inside the
  task that iterates it.
- The timeline: four page fetches in a row, then four side by side.

## Takeaway

`async for` is for processing a stream in order, as it comes; it is sequential by design.
`gather` is for speed when the requests are independent. An async comprehension
(`[x async for x in source]`) collects a whole stream into a list.

## Try this

Make the sensor yield ten readings every half second: the first part still takes five
seconds, and prints twice as many lines.
"""

import asyncio
import time

from lib.fake_http import ClientSession


async def sensor_readings(count, every):
    for number in range(count):
        await asyncio.sleep(every)
        yield 20 + (number * 7) % 5


async def pages(session, urls):
    for url in urls:
        async with session.get(url) as response:
            yield await response.json()


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.json()


async def main():
    async for celsius in sensor_readings(5, 1):
        print(f"reading: {celsius} C")
    # checkpoint: next-reading
    #   pause: time 2.5
    #   ask: Two readings have arrived. What is printed next?
    #   check: next-output
    #   choices: reading: 24 C | reading: 21 C | reading: 23 C
    #   answer: reading: 24 C
    #   explain: The third reading is 20 + (2 * 7) % 5 = 24, yielded after one more second.

    urls = [f"https://example.com/{name}" for name in "abcd"]
    async with ClientSession() as session:
        started = time.perf_counter()
        found = [page["url"] async for page in pages(session, urls)]
        print(f"async for: {len(found)} pages in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        results = await asyncio.gather(*(fetch(session, url) for url in urls))
        print(f"gather: {len(results)} pages in {time.perf_counter() - started:.1f} s")


asyncio.run(main())
