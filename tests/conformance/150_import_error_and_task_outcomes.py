# ImportError's attributes and "Did you mean", a task awaiting itself, a cancelled task's own
# CancelledError, and a coroutine kept alive by the exception of a failing create_task.
import asyncio

try:
    from asyncio import sleeep
except ImportError as e:
    print(str(e).split(" (")[0], "|", e.name, e.name_from, e.path is not None)
try:
    from time import slep
except ImportError as e:
    print(e, "|", e.name, e.name_from, e.path)
error = ImportError("plain", name="mod", path="/x.py")
print(error, error.name, error.path, error.name_from, error.msg)
print(ImportError().name, ImportError().path, ImportError().name_from)


async def job():
    return 1


async def selfish():
    await asyncio.current_task()


async def cancelled_by_callback():
    asyncio.get_running_loop().call_soon(asyncio.current_task().cancel)
    await asyncio.sleep(1)


async def main():
    child = asyncio.create_task(selfish())
    try:
        await child
    except RuntimeError as e:
        print(str(e).split(" coro=")[0])
        print(str(e).endswith(" cb=[Task.task_wakeup()]>"), "selfish() running at" in str(e))
    task = asyncio.create_task(cancelled_by_callback())
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled:", type(e).__name__, task.cancelled())
    print("done")


try:
    asyncio.create_task(job())
except RuntimeError as e:
    print("outside a loop:", e)
asyncio.run(main())
from time import slep
