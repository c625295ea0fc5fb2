import asyncio


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("sleeper cancelled:", repr(e), e.args)
        raise
    finally:
        print("sleeper finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallows; cancelling =", asyncio.current_task().cancelling())
        asyncio.current_task().uncancel()
        return "survived"


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print("cancel returns", t.cancel("stop it"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting cancelled task:", type(e).__name__, e.args)
    print(t.cancelled(), t.done())
    print("cancel again", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result raises CancelledError")
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled(), s.cancelling())
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))
    print(asyncio.CancelledError)


asyncio.run(main())
