# asyncio.run: return values, a fresh loop each time, misuse errors.
import asyncio


async def value():
    await asyncio.sleep(0)
    return 42


async def nested_run():
    coro = value()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    finally:
        coro.close()


print(asyncio.run(value()))
print(asyncio.run(value()))
asyncio.run(nested_run())
try:
    asyncio.run(1)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
print("end")
