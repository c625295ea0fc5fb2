# A task whose future is resolved by a timer resumes one iteration after the timer fires:
# timer callbacks due at the same moment all run first.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    when = loop.time() + 0.02
    loop.call_at(when, fut.set_result, "timer value")
    loop.call_at(when, print, "timer callback 1")
    loop.call_at(when, print, "timer callback 2")
    print("task resumed with", await fut)
    done = loop.create_future()
    loop.call_later(0.01, done.set_result, None)
    loop.call_later(0.01, loop.call_soon, print, "queued by a timer callback")
    await done
    print("task resumed after the call_soon queued in the same iteration")


asyncio.run(main())
