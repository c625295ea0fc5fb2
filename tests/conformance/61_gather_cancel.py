# Cancelling a gather cancels its children; a cancelled child with return_exceptions.
import asyncio


async def forever(name):
    try:
        await asyncio.Future()
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def quick():
    await asyncio.sleep(0)
    return "quick"


async def main():
    g = asyncio.gather(forever("x"), forever("y"))
    await asyncio.sleep(0)
    print("cancel returns", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled:", g.cancelled())

    victim = asyncio.create_task(forever("victim"))
    g2 = asyncio.gather(victim, quick(), return_exceptions=True)
    await asyncio.sleep(0)
    victim.cancel()
    results = await g2
    print([type(r).__name__ for r in results], results[1])

    victim2 = asyncio.create_task(forever("victim2"))
    g3 = asyncio.gather(victim2, quick())
    await asyncio.sleep(0)
    victim2.cancel()
    try:
        await g3
    except asyncio.CancelledError:
        print("a cancelled child cancels gather without return_exceptions")


asyncio.run(main())
