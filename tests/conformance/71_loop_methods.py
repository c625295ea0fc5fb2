# The running loop: call_soon, call_later, call_at, create_future, time, create_task.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_running_loop(), loop.is_running())
    done = loop.create_future()
    order = []

    def record(label, *args):
        order.append((label, *args))
        if label == "last":
            done.set_result(order)

    loop.call_later(0.02, record, "later", 2)
    loop.call_at(loop.time() + 0.01, record, "at", 1)
    loop.call_soon(record, "soon", 0)
    handle = loop.call_later(0.015, record, "cancelled")
    handle.cancel()
    loop.call_later(0.03, record, "last")
    print("scheduled")
    print(await done)
    t0 = loop.time()
    await asyncio.sleep(0.02)
    print("time advanced:", loop.time() > t0)
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "set via call_soon")
    print(await fut)

    async def child():
        return "child result"

    task = loop.create_task(child())
    print(await task)
    print(type(handle).__name__, handle.cancelled())


asyncio.run(main())
