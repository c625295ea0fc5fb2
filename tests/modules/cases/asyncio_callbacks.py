import asyncio


START = []


def callback(label, loop):
    print("callback", label, round(loop.time() - START[0], 1))


async def main():
    loop = asyncio.get_running_loop()
    START.append(loop.time())
    loop.call_later(0.2, callback, "c", loop)
    loop.call_later(0.1, callback, "b", loop)
    loop.call_soon(callback, "a", loop)
    h = loop.call_at(loop.time() + 0.15, callback, "never", loop)
    print(type(h).__name__, h.cancelled())
    h.cancel()
    await asyncio.sleep(0.3)

    done = []
    fut = loop.create_future()
    fut.add_done_callback(lambda f: done.append(("first", f.result())))
    fut.add_done_callback(lambda f: done.append(("second", f.result())))
    fut.set_result(7)
    print(done)
    await asyncio.sleep(0)
    print(done)

    def bad(f):
        raise RuntimeError("callback failed")

    fut2 = loop.create_future()
    fut2.add_done_callback(bad)
    fut2.set_result(None)
    await asyncio.sleep(0)
    print("loop survived")


asyncio.run(main())
