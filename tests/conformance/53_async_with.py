# async with and classes with __aenter__ / __aexit__.
import asyncio


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


async def main():
    async with Resource("db") as r:
        print("using", r.name)
    async with Resource("a") as a, Resource("b") as b:
        print("using", a.name, b.name)
    async with Resource("swallow"):
        raise KeyError("gone")
    try:
        async with Resource("raise"):
            raise ValueError("kept")
    except ValueError as e:
        print("propagated", e)
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    print("unlocked", lock.locked())


asyncio.run(main())
