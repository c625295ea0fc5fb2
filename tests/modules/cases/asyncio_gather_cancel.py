import asyncio


async def child(n):
    try:
        await asyncio.sleep(n / 100)
        print("child", n, "finished")
        return n
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise


async def main():
    g = asyncio.gather(child(1), child(5), child(9))
    await asyncio.sleep(0.03)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())

    async def failing():
        await asyncio.sleep(0.01)
        raise ValueError("bad child")

    g2 = asyncio.gather(failing(), child(3))
    try:
        await g2
    except ValueError as e:
        print("gather failed:", e)
    await asyncio.sleep(0.05)
    print(await asyncio.gather())


asyncio.run(main())
