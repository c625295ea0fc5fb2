import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    finally:
        print("inner cleanup")


async def middle():
    try:
        await inner()
    except asyncio.CancelledError:
        print("middle saw cancel")
        raise


async def outer_task(t):
    try:
        await t
    except asyncio.CancelledError:
        print("outer saw cancel, t.cancelled() =", t.cancelled())
        raise


async def main():
    t = asyncio.create_task(middle())
    o = asyncio.create_task(outer_task(t))
    await asyncio.sleep(0.01)
    o.cancel()
    await asyncio.sleep(0.01)
    print(t.cancelled(), o.cancelled())

    s = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    shielded = asyncio.shield(s)
    task = asyncio.create_task(asyncio.wait_for(shielded, 0.01))
    try:
        await task
    except TimeoutError:
        print("wait_for timed out, inner still running:", not s.done())
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("inner cancelled at last")


asyncio.run(main())
