# Timeout.reschedule, when() and timeout_at.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            cm.reschedule(loop.time() + 0.02)
            print("rescheduled:", cm.when() is not None)
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out after reschedule")

    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.03)
    print("reschedule(None) removed the deadline; expired:", cm.expired())

    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(loop.time() + 0.5)
        await asyncio.sleep(0.03)
    print("postponed deadline survived")

    deadline = loop.time() + 0.02
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print("timeout_at when matches:", cm.when() == deadline)
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at expired")

    async with asyncio.timeout_at(loop.time() + 1):
        await asyncio.sleep(0)
    print("timeout_at not reached")


asyncio.run(main())
