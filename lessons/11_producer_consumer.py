"""
# Producer / consumer

Three producers put items into an `asyncio.Queue`; two consumers take them out and process
them, one quick and one slower. The queue holds at most three items, so when it is full the
producers have to wait: that is backpressure.

## What you will see

Producer *a* puts its three items straight away (a `put` on a queue with room does not wait).
The consumers take two of them, producer *b* fills the queue up again, and then *b* and *c*
find it full and wait on the queue as putters. Each
time a consumer takes an item, the first waiting producer is woken to put one more. Each
processed item is marked with `task_done()`; `await queue.join()` in `main` returns once every
item put has been marked done. The consumers loop forever, so `main` cancels them at the end.

## Watch

- The queue's items sliding from producer to queue to consumer, and its size (never above 3).
- The queue's two lines of waiters: getters (consumers with nothing to do) and putters
  (producers with nowhere to put).
- The "unfinished" counter going down with each `task_done()`, and `main` leaving `join()`.

## Takeaway

A queue decouples producers from consumers and, when bounded, slows the producers down to the
consumers' pace. `task_done()` + `join()` tell you when the work is finished, not just handed
over. Workers that loop forever are stopped by cancelling them.

## Try this

Make the queue unbounded with `asyncio.Queue()`: all nine items go in at once, no producer ever
waits, and the queue reaches size 9 before a consumer gets its first item.
"""

import asyncio


async def producer(queue, name, count):
    for number in range(1, count + 1):
        item = f"{name}{number}"
        await queue.put(item)
        print(f"producer {name}: put {item}, queue size {queue.qsize()}")
    print(f"producer {name}: done")


async def consumer(queue, name, seconds):
    while True:
        item = await queue.get()
        print(f"{name} consumer: processing {item}")
        await asyncio.sleep(seconds)
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=3)
    consumers = [
        asyncio.create_task(consumer(queue, "quick", 1.0), name="quick"),
        asyncio.create_task(consumer(queue, "slow", 1.3), name="slow"),
    ]
    producers = [
        asyncio.create_task(producer(queue, name, 3), name=f"producer-{name}") for name in "abc"
    ]
    await asyncio.gather(*producers)
    print("main: every item is in the queue")
    await queue.join()
    print("main: every item is processed")
    for worker in consumers:
        worker.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(f"main: consumers cancelled: {[worker.cancelled() for worker in consumers]}")


# checkpoint: backpressure
#   pause: time 0.5
#   ask: Both consumers are busy with an item. How many tasks are waiting on the queue?
#   check: waiting queue
#   answer: 2
#   explain: The queue is full, so producers b and c wait to put; a is done; the consumers
#     are waiting on their timers, not on the queue.
#
# checkpoint: consumer-outcome
#   pause: end
#   ask: How does the quick consumer end?
#   check: outcome quick
#   choices: done | cancelled | failed
#   answer: cancelled
asyncio.run(main())
