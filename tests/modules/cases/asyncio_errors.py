import asyncio


async def nested():
    asyncio.run(asyncio.sleep(0))


async def main():
    try:
        await nested()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError:", e)


try:
    asyncio.run(1)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(main())


async def boom():
    raise ValueError("boom")


asyncio.run(boom())
