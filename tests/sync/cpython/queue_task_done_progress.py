"""Queue(1): a getter waiting, a putter blocked on the full queue, a joiner; the number of
unfinished items after each task_done(). The C++ side: primitive_trace_test.cpp,
QueueWaitersCarryTheirRoleAndTaskDoneItsProgress."""
import asyncio


async def main():
    queue = asyncio.Queue(1)
    unfinished = []
    original_task_done = queue.task_done

    def task_done():
        original_task_done()
        unfinished.append(queue._unfinished_tasks)

    queue.task_done = task_done

    async def getter():
        await queue.get()
        queue.task_done()

    async def joiner():
        await queue.join()

    got = asyncio.create_task(getter())
    await asyncio.sleep(0)  # the getter waits on the empty queue
    queue.put_nowait(1)
    await queue.put(2)  # full until the getter takes 1
    joined = asyncio.create_task(joiner())
    await asyncio.sleep(0)  # the joiner waits for item 2
    queue.get_nowait()
    queue.task_done()
    await got
    await joined
    print("unfinished_after_task_done=" + ",".join(map(str, unfinished)))


asyncio.run(main())
