# A coroutine's (and a generator's) __name__ and __qualname__ are its function's when it was
# made: shared with the code object unless the function was renamed (functools.wraps), and not
# changed by renaming the function later.
import functools


async def plain():
    return 1


class Box:
    async def method(self):
        return 2

    def gen(self):
        yield 3


def decorate(func):
    @functools.wraps(func)
    async def wrapper(*args):
        return await func(*args)

    return wrapper


@decorate
async def wrapped():
    return 4


for made in (plain(), Box().method(), Box().gen(), wrapped()):
    print(type(made).__name__, made.__name__, made.__qualname__)
    made.close()

early = plain()
plain.__name__ = "renamed"
plain.__qualname__ = "Renamed.plain"
late = plain()
print(early.__name__, early.__qualname__, "|", late.__name__, late.__qualname__)
print(repr(late).split(" at ")[0])
early.close()
late.close()


def make_gen():
    yield 1


make_gen.__qualname__ = "elsewhere.make_gen"
g = make_gen()
print(g.__name__, g.__qualname__, repr(g).split(" at ")[0])
never = wrapped()
del never
