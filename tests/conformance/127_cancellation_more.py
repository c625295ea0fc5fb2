# Cancellation details: messages through await chains, cancelling a task that awaits gather,
# shield inside a TaskGroup, cancelling during wait_for.
import asyncio


async def leaf(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(name, "cancelled with args", e.args)
        raise


async def middle():
    await asyncio.create_task(leaf("leaf-task"))


async def main():
    t = asyncio.create_task(middle())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel("stop it")
    try:
        await t
    except asyncio.CancelledError as e:
        print("middle cancelled; args", e.args)

    async def gatherer():
        return await asyncio.gather(leaf("g1"), leaf("g2"))

    gt = asyncio.create_task(gatherer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    gt.cancel()
    try:
        await gt
    except asyncio.CancelledError:
        print("gatherer cancelled")

    async def protected():
        await asyncio.sleep(0.02)
        print("protected work finished")
        return "kept"

    inner = asyncio.create_task(protected())
    async with asyncio.TaskGroup() as tg:
        async def uses_shield():
            try:
                return await asyncio.shield(inner)
            except asyncio.CancelledError:
                print("the shield's waiter was cancelled")
                raise

        s = tg.create_task(uses_shield())
        await asyncio.sleep(0)
        s.cancel()
    print("group done; inner", await inner, "s cancelled:", s.cancelled())

    async def wait_for_user():
        try:
            await asyncio.wait_for(leaf("wf-leaf"), timeout=1)
        except asyncio.CancelledError:
            print("wait_for's caller cancelled")
            raise

    wt = asyncio.create_task(wait_for_user())
    await asyncio.sleep(0)
    wt.cancel()
    await asyncio.gather(wt, return_exceptions=True)
    print("wt cancelled:", wt.cancelled())


asyncio.run(main())
