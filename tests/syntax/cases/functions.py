def f():
    pass

def g(a, b=1, *args, c, d=2, **kwargs):
    return a

def h(a, /, b, *, c):
    pass

def posonly(a, b=2, /, c=3):
    pass

def annotated(a: int, b: str = "x", *args: int, **kw: dict) -> bool:
    return True

async def coro(x):
    await x
    async with lock:
        pass
    async for item in stream:
        yield item
    return await other()

@decorator
@decorator.with_args(1, key=2)
def decorated():
    """Docstring."""
    x = yield
    y = yield 1
    z = yield from gen()
    yield a, b

class Empty:
    pass

class Child(Base, metaclass=Meta):
    attr = 1

    def method(self):
        return self.attr

@dataclass
class Point():
    x: int = 0

def outer():
    count = 0
    def inner():
        nonlocal count
        count += 1
    return inner

def star_args(*, a=1, b):
    pass

def trailing(a, b,):
    pass

lambda: (yield)
