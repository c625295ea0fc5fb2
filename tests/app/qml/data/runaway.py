# Never ends by itself: one step that spins forever (bad input for tst_bad_input.qml).
import asyncio


async def spin():
    turns = 0
    while True:
        turns += 1


asyncio.run(spin())
