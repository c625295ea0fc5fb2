import asyncio


async def compute(x):
    await asyncio.sleep(0.01)
    return x * 2


loop = asyncio.get_event_loop()
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(compute(21)))
print(asyncio.get_event_loop() is loop)
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(compute(1))
except RuntimeError as e:
    print("RuntimeError:", e)
new = asyncio.new_event_loop()
asyncio.set_event_loop(new)
print(new.run_until_complete(compute(5)))
new.close()
