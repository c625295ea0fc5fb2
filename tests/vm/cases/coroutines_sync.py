
class Ready:
    def __await__(self):
        return (yield "tick")

async def inner(x):
    return x * 2

async def middle():
    a = await inner(1)
    b = await inner(a)
    return a + b

async def main():
    total = await middle()
    print("total", total)
    try:
        await failing()
    except ValueError as e:
        print("caught", e)
    return "finished"

async def failing():
    raise ValueError("bad")

coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print("result", e.value)
