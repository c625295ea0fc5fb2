"""The errors misuse raises, with CPython's types and messages (printed as `Type: message`)."""
import asyncio
import sys


def show(call):
    try:
        call()
    except Exception as error:
        print(f"{type(error).__name__}: {error}")


async def main():
    lock = asyncio.Lock()
    show(lock.release)
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except Exception as error:
        print(f"{type(error).__name__}: {error}")
    show(cond.notify)
    show(cond.notify_all)
    show(lambda: asyncio.Semaphore(-1))
    show(lambda: asyncio.BoundedSemaphore(-1))
    bounded = asyncio.BoundedSemaphore(1)
    show(bounded.release)
    queue = asyncio.Queue(maxsize=1)
    show(queue.task_done)
    show(queue.get_nowait)
    queue.put_nowait(1)
    show(lambda: queue.put_nowait(2))
    print(f"str(QueueEmpty())={str(asyncio.QueueEmpty())!r}")


if sys.version_info[:3] != (3, 12, 1):
    sys.exit("run this with CPython 3.12.1: PYENV_VERSION=3.12.1 python3 " + sys.argv[0])
asyncio.run(main())
