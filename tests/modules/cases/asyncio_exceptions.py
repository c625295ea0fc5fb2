import asyncio


async def fails():
    await asyncio.sleep(0.01)
    raise KeyError("k")


async def main():
    t = asyncio.create_task(fails())
    try:
        await t
    except KeyError as e:
        print("caught", repr(e))
    print(repr(t.exception()))
    try:
        t.result()
    except KeyError:
        print("result re-raises")

    async def cancel_self():
        asyncio.current_task().cancel()
        await asyncio.sleep(0)
        print("not reached")

    c = asyncio.create_task(cancel_self())
    try:
        await c
    except asyncio.CancelledError:
        print("self-cancelled")

    async def raise_cancel():
        raise asyncio.CancelledError("from inside")

    r = asyncio.create_task(raise_cancel())
    await asyncio.sleep(0)
    print(r.cancelled())
    try:
        r.exception()
    except asyncio.CancelledError as e:
        print("exception() raises CancelledError", e.args)

    async def exits():
        raise SystemExit(5)

    await exits()


asyncio.run(main())
