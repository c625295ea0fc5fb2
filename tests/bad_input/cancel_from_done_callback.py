import asyncio


async def quick():
    await asyncio.sleep(0.1)
    return "quick"


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise


async def main():
    slow_task = asyncio.create_task(slow())
    quick_task = asyncio.create_task(quick())
    quick_task.add_done_callback(lambda t: slow_task.cancel())
    print(await quick_task)
    try:
        await slow_task
    except asyncio.CancelledError:
        print("main saw slow cancelled:", slow_task.cancelled())


asyncio.run(main())
