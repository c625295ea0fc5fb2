import asyncio


async def worker(name, queue, results):
    while True:
        item = await queue.get()
        try:
            await asyncio.sleep(item / 100)
            results.append((name, item))
            print(f"{name} processed {item}")
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = []
    for item in [3, 1, 4, 6, 2]:
        queue.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(2)]
    await queue.join()
    print("queue drained", len(results))
    for w in workers:
        w.cancel()
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    print([type(o).__name__ for o in outcomes])
    print(all(w.cancelled() for w in workers))


asyncio.run(main())
