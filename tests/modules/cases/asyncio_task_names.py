import asyncio


async def main():
    print(asyncio.current_task().get_name())
    t = asyncio.create_task(asyncio.sleep(0))
    named = asyncio.create_task(asyncio.sleep(0), name="custom")
    by_loop = asyncio.get_running_loop().create_task(asyncio.sleep(0), name="loop-named")
    after = asyncio.create_task(asyncio.sleep(0))
    print(t.get_name(), named.get_name(), by_loop.get_name(), after.get_name())
    async with asyncio.TaskGroup() as tg:
        g1 = tg.create_task(asyncio.sleep(0))
        g2 = tg.create_task(asyncio.sleep(0), name="group-named")
    print(g1.get_name(), g2.get_name())
    await asyncio.gather(t, named, by_loop, after)


asyncio.run(main())
asyncio.run(main())
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
