# Generators: yield, yield from, send, return value, generator expressions.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


print(list(countdown(3)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)


def echo():
    received = None
    while True:
        received = yield f"got {received}"


e = echo()
print(next(e))
print(e.send("a"))
print(e.send("b"))


def delegate():
    result = yield from countdown(2)
    yield result


print(list(delegate()))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)
squares = (x * x for x in range(5))
print(type(squares).__name__, sum(squares), sum(squares))
print(list(x for x in range(10) if x % 3 == 0))
gen = (c.upper() for c in "abc")
print(next(gen), list(gen))


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")


w = with_finally()
print(next(w))
w.close()
print("after close")
print(list(zip(countdown(3), "abc")))
