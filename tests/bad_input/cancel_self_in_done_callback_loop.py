import asyncio


async def main():
    task = asyncio.current_task()
    future = asyncio.get_running_loop().create_future()
    future.add_done_callback(lambda f: task.cancel())
    future.set_result(1)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("main cancelled by a callback")
        raise


asyncio.run(main())
