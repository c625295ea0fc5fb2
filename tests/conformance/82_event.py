# Event: set() wakes every waiter in FIFO order; a waiter created but not started runs first.
import asyncio


async def waiter(event, name):
    print(name, "waits")
    await event.wait()
    print(name, "woke")


async def main():
    event = asyncio.Event()
    print("is_set:", event.is_set())
    t1 = asyncio.create_task(waiter(event, "t1"))
    t2 = asyncio.create_task(waiter(event, "t2"))
    await asyncio.sleep(0)
    t3 = asyncio.create_task(waiter(event, "t3"))
    event.set()
    print("set; is_set:", event.is_set())
    await asyncio.gather(t1, t2, t3)
    print(await event.wait())
    event.clear()
    print("cleared:", event.is_set())
    t4 = asyncio.create_task(waiter(event, "t4"))
    await asyncio.sleep(0)
    event.set()
    await t4


asyncio.run(main())
