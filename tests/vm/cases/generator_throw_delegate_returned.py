# throw() into a generator (or coroutine) that delegates: the delegate catches the exception
# and returns, then the delegating frame raises an exception of its own, which leaves throw()
# as it is (it is not thrown back into the frame, whose step has ended).


def inner():
    try:
        yield "inner started"
    except KeyError as e:
        return f"inner caught {e!r}"


def outer():
    got = yield from inner()
    print("outer got", got)
    raise ValueError("outer's own")


g = outer()
print(next(g))
try:
    g.throw(KeyError("k"))
except ValueError as e:
    print("throw raised", repr(e), "context", repr(e.__context__))
print("outer finished:", next(g, "done"))


# The delegating frame catches its own exception and yields again.
def outer_catches():
    got = yield from inner()
    try:
        raise ValueError(got)
    except ValueError as e:
        yield f"caught own {e}"
    yield "after"


g = outer_catches()
print(next(g))
print(g.throw(KeyError("k2")))
print(next(g))


# Three levels: the middle one returns after its delegate returned, the top one raises.
def middle():
    got = yield from inner()
    return f"middle: {got}"


def top():
    got = yield from middle()
    raise LookupError(got)


g = top()
print(next(g))
try:
    g.throw(KeyError("k3"))
except LookupError as e:
    print("top raised", repr(e))


# The same with coroutines driven by hand, as an event loop does.
class Suspend:
    def __await__(self):
        yield "suspended"


async def coro_inner():
    try:
        await Suspend()
    except KeyError:
        return "coro_inner returned"


async def coro_outer():
    got = await coro_inner()
    raise ValueError(got)


c = coro_outer()
print(c.send(None))
try:
    c.throw(KeyError("k4"))
except ValueError as e:
    print("coroutine raised", repr(e))
try:
    c.send(None)
except RuntimeError as e:
    print(repr(e))

# The last one escapes: the run ends with its traceback.
g = outer()
next(g)
g.throw(KeyError("last"))
