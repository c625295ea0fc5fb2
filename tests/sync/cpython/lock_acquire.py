"""LockTests.test_acquire: waiters get the lock in FIFO order, one per release()."""
import asyncio

from counted_loop import run


async def scenario(note):
    lock = asyncio.Lock()
    note(f"main_acquired={await lock.acquire()}")

    async def waiter(name):
        if await lock.acquire():
            note(name)
        return True

    t1 = asyncio.create_task(waiter("c1"))
    t2 = asyncio.create_task(waiter("c2"))
    await asyncio.sleep(0)
    note("release")
    lock.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t3 = asyncio.create_task(waiter("c3"))
    note("release")
    lock.release()
    await asyncio.sleep(0)
    note("release")
    lock.release()
    await asyncio.sleep(0)
    note(f"results={t1.result()},{t2.result()},{t3.result()}")


run(scenario)
