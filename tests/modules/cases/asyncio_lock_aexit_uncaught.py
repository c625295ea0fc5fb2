# __aexit__ of a lock nobody holds, awaited and not caught: the run ends with CPython's
# RuntimeError, raised at the await (calling __aexit__ alone raised nothing).
import asyncio


async def main():
    lock = asyncio.Lock()
    exiting = lock.__aexit__(None, None, None)
    print("called, nothing raised")
    await exiting
    print("not reached")


asyncio.run(main())
