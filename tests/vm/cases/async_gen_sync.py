async def agen(n):
    for i in range(n):
        yield i * 10

async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    print(out)
    print([v async for v in agen(4)])
    class AIter:
        def __init__(self):
            self.i = 0
        def __aiter__(self):
            return self
        async def __anext__(self):
            self.i += 1
            if self.i > 3:
                raise StopAsyncIteration
            return self.i
    async for v in AIter():
        print("aiter", v)
    class ACM:
        async def __aenter__(self):
            print("aenter")
            return "res"
        async def __aexit__(self, *exc):
            print("aexit", exc[0])
            return False
    async with ACM() as r:
        print("inside", r)

c = main()
try:
    c.send(None)
except StopIteration:
    print("done")
