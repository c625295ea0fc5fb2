# When main returns, asyncio.run cancels the tasks still running and waits for them.
# (It cancels them in set order, which varies: the log is printed sorted.)
import asyncio

log = []


async def background(name):
    try:
        while True:
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled at shutdown")
        raise
    finally:
        log.append(f"{name} cleanup")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("stubborn swallows the cancellation and returns")
    return "ignored"


async def main():
    asyncio.create_task(background("b1"))
    asyncio.create_task(background("b2"))
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.03)
    print("main returns")
    return "result"


print(asyncio.run(main()))
print("after run")
for line in sorted(log):
    print(line)
