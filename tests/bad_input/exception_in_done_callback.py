import asyncio


def on_done(task):
    print("callback sees", task.result())
    raise ValueError("callback failed")


async def job():
    return 42


async def main():
    task = asyncio.create_task(job())
    task.add_done_callback(on_done)
    await task
    await asyncio.sleep(0)
    print("main carries on")


asyncio.run(main())
