# shield: cancelling the outer awaitable does not cancel the inner task.
import asyncio


async def important():
    await asyncio.sleep(0.02)
    print("important work finished")
    return "saved"


async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled())
    print("inner result", await inner)

    async def waiter():
        return await asyncio.shield(important())

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled")
    await asyncio.sleep(0.04)
    try:
        await asyncio.wait_for(asyncio.shield(important()), 0.01)
    except TimeoutError:
        print("wait_for timed out; shielded work continues")
    await asyncio.sleep(0.04)
    print(await asyncio.shield(asyncio.sleep(0, "done immediately")))


asyncio.run(main())
