import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1):
            try:
                async with asyncio.timeout(0.05):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timed out")
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timed out")

    async with asyncio.timeout_at(loop.time() + 0.05) as cm:
        print("deadline set:", cm.when() is not None)
        await asyncio.sleep(0.01)
    print("within deadline")

    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0)
    except TimeoutError:
        print("zero timeout")

    task = asyncio.create_task(asyncio.sleep(0.2, "late"))
    try:
        await asyncio.wait_for(task, 0.05)
    except TimeoutError:
        print("task cancelled by wait_for:", task.cancelled())

    print(await asyncio.wait_for(asyncio.sleep(0.01, "none"), None))


asyncio.run(main())
