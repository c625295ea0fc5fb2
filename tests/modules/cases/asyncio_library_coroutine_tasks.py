# A task made from one of asyncio's own coroutines (create_task(lock.acquire()),
# create_task(asyncio.sleep(1)), ...) shows it in its repr as CPython does: the coroutine's
# qualified name, where it stands in CPython's library (its `def` before the first step and
# once done, its `await` while it waits) and the future it waits for. The library is named
# where Debian installs it (/usr/lib/python3.12) on both sides.
import asyncio


# Each coroutine runs as a task of its own, made inside a task of its own.
async def show(name, coroutine):
    print(name)
    print("  a coroutine:", repr(coroutine).split(" at 0x")[0])
    task = asyncio.create_task(coroutine)
    print("  created:    ", task)
    await asyncio.sleep(0)
    print("  one step:   ", task)
    task.cancel()
    print("  cancelling: ", task)
    try:
        await task
    except asyncio.CancelledError:
        pass
    except Exception as error:
        print("  raised:", repr(error))
    print("  done:       ", task)


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    semaphore = asyncio.Semaphore(0)
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    event = asyncio.Event()
    condition = asyncio.Condition()
    full = asyncio.Queue(maxsize=1)
    await full.put(1)
    unfinished = asyncio.Queue()
    unfinished.put_nowait(1)
    await asyncio.create_task(show("Lock.acquire", lock.acquire()))
    await asyncio.create_task(show("Lock.__aenter__", lock.__aenter__()))
    await asyncio.create_task(show("Semaphore.acquire", semaphore.acquire()))
    await asyncio.create_task(show("BoundedSemaphore.acquire", bounded.acquire()))
    await asyncio.create_task(show("Semaphore.__aenter__", semaphore.__aenter__()))
    await asyncio.create_task(show("Event.wait", event.wait()))
    await asyncio.create_task(show("Condition.wait without the lock", condition.wait()))
    await asyncio.create_task(show("Condition.acquire", condition.acquire()))
    condition.release()
    await asyncio.create_task(show("Condition.__aenter__", condition.__aenter__()))
    condition.release()
    await condition.acquire()
    await asyncio.create_task(show("Condition.wait_for", condition.wait_for(lambda: False)))
    await asyncio.create_task(show("Queue.put", full.put(2)))
    await asyncio.create_task(show("Queue.get", asyncio.LifoQueue().get()))
    await asyncio.create_task(show("Queue.join", unfinished.join()))
    await asyncio.create_task(show("sleep(0)", asyncio.sleep(0)))
    await asyncio.create_task(show("sleep(1)", asyncio.sleep(1)))
    await asyncio.create_task(show("wait_for", asyncio.wait_for(asyncio.sleep(10), 5)))
    sleeper = asyncio.ensure_future(asyncio.sleep(10))
    await asyncio.create_task(show("wait", asyncio.wait([sleeper])))
    first = next(iter(asyncio.as_completed([asyncio.sleep(1)])))
    await asyncio.create_task(show("as_completed", first))
    await asyncio.create_task(show("to_thread", asyncio.to_thread(sum, [1, 2])))
    await asyncio.create_task(show("Timeout.__aenter__", asyncio.timeout(None).__aenter__()))

    # A script coroutine waiting in to_thread waits on the executor's chained future.
    async def offload():
        return await asyncio.to_thread(sum, [3, 4])

    task = asyncio.create_task(offload())
    await asyncio.sleep(0)
    print(task)
    print(await task)


asyncio.run(main())
