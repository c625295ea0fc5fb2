import asyncio


def on_done(fut):
    print("callback sees", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), repr(fut))
    fut.add_done_callback(on_done)
    loop.call_soon(fut.set_result, "hello")
    print(await fut)
    print(repr(fut))
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError:
        print("InvalidStateError")

    order = []
    loop.call_later(0.02, order.append, "later")
    loop.call_soon(order.append, "soon")
    handle = loop.call_later(0.01, order.append, "cancelled")
    handle.cancel()
    print(handle.cancelled())
    await asyncio.sleep(0.05)
    print(order)

    failing = loop.create_future()
    failing.set_exception(ValueError("bad"))
    try:
        await failing
    except ValueError as e:
        print("awaited exception:", e)
    print(repr(failing.exception()))
    f2 = asyncio.Future()
    try:
        f2.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f2.cancel()
    print(f2.cancelled(), repr(f2))
    print(loop.time() >= 0.05, loop is asyncio.get_running_loop())


asyncio.run(main())
