import asyncio


async def slow():
    try:
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except TimeoutError as e:
        print("wait_for timed out", type(e).__name__, type(e.__cause__).__name__)
    print(await asyncio.wait_for(asyncio.sleep(0.01, "quick"), 1))
    try:
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("not expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 0.02)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled inside rescheduled timeout")
            raise
    print("unreachable")


try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError escaped asyncio.run")
print(asyncio.TimeoutError is TimeoutError)
