import asyncio


async def child():
    await asyncio.sleep(0.01)
    return [1, 2, 3]


async def failing():
    raise KeyError("missing")


async def main():
    me = asyncio.current_task()
    print(me.get_name(), me.get_coro().__qualname__ if hasattr(me.get_coro(), "__qualname__") else "main")
    t = asyncio.create_task(child())
    print(len(asyncio.all_tasks()))
    await t
    print(repr(t))
    f = asyncio.create_task(failing())
    await asyncio.sleep(0)
    print(repr(f))
    print(repr(f.exception()))
    t.set_name("renamed")
    print(t.get_name())
    print(asyncio.iscoroutine(child()), asyncio.iscoroutine(42))


asyncio.run(main())
