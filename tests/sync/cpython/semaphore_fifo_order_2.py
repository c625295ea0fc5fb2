"""SemaphoreTests.test_acquire_fifo_order_2: c2 releases and re-acquires, and must queue behind
c3. The C++ side has no gather yet, so this awaits the tasks one by one (the order of `result`
is the same with gather)."""
import asyncio

from counted_loop import run


async def scenario(note):
    sem = asyncio.Semaphore(1)

    async def c1():
        await sem.acquire()
        note("1")
        return True

    async def c2():
        await sem.acquire()
        note("2")
        sem.release()
        await sem.acquire()
        note("4")
        return True

    async def c3():
        await sem.acquire()
        note("3")
        return True

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    t3 = asyncio.create_task(c3())
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await t1
    await t2
    await t3
    note("main")


run(scenario)
