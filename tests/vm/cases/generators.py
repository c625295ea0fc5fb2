def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(4)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"

e = echo()
print(e.send(None), e.send(1), e.send(2))

def delegate():
    result = yield from count(3)
    print("sub returned", result)
    yield "after"

print(list(delegate()))

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("closing")

w = with_finally()
print(next(w))
w.close()

def thrower():
    try:
        yield 1
    except ValueError as err:
        yield f"handled {err}"

t = thrower()
next(t)
print(t.throw(ValueError("x")))
gen = (x * 2 for x in range(4))
print(sum(gen))
print(list(zip(count(3), "abc")))
