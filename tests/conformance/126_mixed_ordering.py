# Several mechanisms in one loop, with a ticker: callbacks, done-callbacks, events, locks,
# queues and gather, all ordered by iteration.
import asyncio


async def ticker(n):
    for i in range(n):
        print(f"-- iteration {i}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    tick = asyncio.create_task(ticker(14))
    await asyncio.sleep(0)
    event = asyncio.Event()
    lock = asyncio.Lock()
    queue = asyncio.Queue()

    async def waiter():
        await event.wait()
        print("waiter: event seen")
        async with lock:
            print("waiter: has the lock")
            await queue.put("from waiter")

    async def holder():
        async with lock:
            print("holder: has the lock")
            loop.call_soon(print, "callback queued by holder")
            event.set()
            await asyncio.sleep(0)
            print("holder: releasing")

    w = asyncio.create_task(waiter())
    h = asyncio.create_task(holder())
    w.add_done_callback(lambda t: print("done-callback: waiter finished"))
    print("main: waiting on the queue")
    print("main: got", await queue.get())
    results = await asyncio.gather(w, h)
    print("main: gather", results)
    await tick


asyncio.run(main())
