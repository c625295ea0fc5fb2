# BoundedSemaphore raises ValueError when released too many times.
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    await sem.acquire()
    print("locked:", sem.locked())
    sem.release()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(1)
    plain.release()
    await plain.acquire()
    await plain.acquire()
    print("a plain Semaphore can grow past its start value:", plain.locked())
    async with sem:
        print("inside async with, locked:", sem.locked())


asyncio.run(main())
