# StopIteration from next(), inside generators (RuntimeError) and for loops.
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
print(next(it, "default"))


def gen():
    yield 1
    raise StopIteration("inside")


try:
    list(gen())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def stops_early():
    yield "a"
    return "result"


g = stops_early()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again, value", e.value)
