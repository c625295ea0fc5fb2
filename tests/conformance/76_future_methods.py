# Futures: set_result, set_exception, InvalidStateError, callbacks scheduled with call_soon.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1:", f.result()))
    fut.add_done_callback(lambda f: print("callback 2"))
    fut.set_result("value")
    print("set_result returned; callbacks not called yet")
    await asyncio.sleep(0)
    print("done", fut.done(), await fut)
    fut.add_done_callback(lambda f: print("late callback, still via call_soon"))
    print("after adding to a done future")
    await asyncio.sleep(0)
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)

    f2 = asyncio.Future()
    f2.set_exception(ValueError("bad"))
    print(repr(f2.exception()))
    try:
        await f2
    except ValueError as e:
        print("await raises", e)

    f3 = loop.create_future()
    print(f3.cancel("reason"), f3.cancelled(), f3.cancel())
    try:
        f3.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)

    f4 = loop.create_future()
    loop.call_later(0.01, f4.set_result, 99)
    print("awaiting", await f4)
    try:
        loop.create_future().exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)


asyncio.run(main())
