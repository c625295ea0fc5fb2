# Async generators: asend, athrow, aclose, finally blocks, exceptions from the body.
import asyncio


async def counter():
    total = 0
    try:
        while True:
            received = yield total
            await asyncio.sleep(0)
            total += received or 0
    except ValueError as e:
        print("counter caught", repr(e))
        yield -1
    finally:
        print("counter finally")


async def failing():
    yield 1
    raise KeyError("in the body")


async def main():
    gen = counter()
    print(await gen.asend(None), await gen.asend(5), await gen.asend(7))
    print(await gen.athrow(ValueError("thrown")))
    await gen.aclose()
    print("after aclose")
    try:
        async for item in failing():
            print("item", item)
    except KeyError as e:
        print("KeyError from the body:", e)
    results = []
    async for n in counter():
        results.append(n)
        break
    print("broke out with", results)
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
print("after run")
