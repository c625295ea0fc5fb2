# gather: the first exception propagates at once (siblings keep running); return_exceptions.
import asyncio


async def ok(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    print(f"{name} ok")
    return name


async def bad(steps, exc):
    for _ in range(steps):
        await asyncio.sleep(0)
    print("raising", repr(exc))
    raise exc


async def main():
    print(await asyncio.gather(ok("a", 1), bad(1, ValueError("v")), ok("b", 0), return_exceptions=True))
    slow = asyncio.create_task(ok("slow", 4))
    try:
        await asyncio.gather(bad(1, KeyError("k")), slow, bad(2, TypeError("second")))
    except KeyError as e:
        print("gather raised KeyError", e, "| slow done?", slow.done(), "cancelled?", slow.cancelled())
    print("slow result", await slow)
    await asyncio.sleep(0)
    await asyncio.sleep(0)


asyncio.run(main())
