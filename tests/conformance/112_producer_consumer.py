# A lesson-style producer/consumer pipeline with timed steps (events at least 50 ms apart, so
# that a loaded machine running CPython cannot fire two of them in one iteration).
import asyncio


async def producer(queue, name, items, delay):
    for item in items:
        await asyncio.sleep(delay)
        await queue.put(f"{name}:{item}")
        print(f"{name} produced {item}")
    print(f"{name} finished")


async def consumer(queue, name, handled):
    while True:
        item = await queue.get()
        await asyncio.sleep(0)  # handling takes one loop iteration
        handled.append(item)
        print(f"{name} handled {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    handled = []
    consumers = [asyncio.create_task(consumer(queue, f"c{i}", handled)) for i in range(2)]
    await asyncio.gather(
        producer(queue, "fast", range(3), 0.1),
        producer(queue, "slow", range(2), 0.25),
    )
    await queue.join()
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print(sorted(handled))
    print([type(r).__name__ for r in results])


asyncio.run(main())
