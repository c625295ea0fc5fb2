# Future reprs and states, and exceptions stored in futures and tasks.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done())
    f.set_result([1, "two"])
    print(repr(f))
    g = loop.create_future()
    g.set_exception(KeyError("k"))
    print(repr(g))
    g.exception()
    h = loop.create_future()
    h.cancel()
    print(repr(h), h.cancelled())
    try:
        g.set_exception(StopIteration())
    except (TypeError, asyncio.InvalidStateError) as e:
        print(type(e).__name__, e)
    k = loop.create_future()
    try:
        k.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    k.cancel()
    print(isinstance(f, asyncio.Future), isinstance(1, asyncio.Future))


asyncio.run(main())
