# Task.cancel(msg): CancelledError inside the task, catching it, cancelled().
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("sleeper got CancelledError", e.args)
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn swallowed the cancellation")
    return "survived"


async def cleanup():
    try:
        await asyncio.sleep(10)
    finally:
        print("finally runs on cancel")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancel:", t.cancel("stop now"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees", repr(e), t.cancelled())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    c = asyncio.create_task(cleanup())
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    print("cleanup cancelled:", c.cancelled())
    try:
        raise asyncio.CancelledError("direct")
    except asyncio.CancelledError as e:
        print("raised directly:", e)


asyncio.run(main())
