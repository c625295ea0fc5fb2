# as_completed yields awaitables in completion order; timeout raises TimeoutError.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    aws = [job("slow", 0.05), job("fast", 0.01), job("mid", 0.03)]
    for next_done in asyncio.as_completed(aws):
        print("completed:", await next_done)
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("x", 0.02), ("y", 0.3))]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=0.05):
            print("got", await next_done)
    except TimeoutError:
        print("as_completed timed out")
    tasks[1].cancel()
    results = [await f for f in asyncio.as_completed([job("a", 0), job("b", 0)])]
    print(sorted(results))


asyncio.run(main())
