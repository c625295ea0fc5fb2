# call_soon is FIFO; call_later(0) runs after what call_soon already queued.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    finished = loop.create_future()
    log = []

    def cb(name):
        log.append(name)
        if name == "soon-2":
            loop.call_soon(log.append, "soon-from-callback")

    loop.call_later(0, cb, "later-0")
    loop.call_soon(cb, "soon-1")
    loop.call_soon(cb, "soon-2")
    loop.call_at(loop.time(), cb, "at-now")
    loop.call_soon(cb, "soon-3")
    loop.call_later(0.01, finished.set_result, None)
    await finished
    print(log)


asyncio.run(main())
