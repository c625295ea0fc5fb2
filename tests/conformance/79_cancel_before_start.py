# A task cancelled before its first step never runs its body.
import asyncio


async def body():
    print("body ran")
    return 1


async def main():
    t = asyncio.create_task(body())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before starting:", t.cancelled())
    t2 = asyncio.create_task(body())
    await asyncio.sleep(0)
    print("cancel after finishing:", t2.cancel(), t2.result())


asyncio.run(main())
