# next() and send() raise StopIteration carrying the generator's return value (e.value).
def gen():
    yield 1
    return "done"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)
def gen2():
    return 5
    yield
g2 = gen2()
try:
    g2.send(None)
except StopIteration as e:
    print("send", e.value, e.args)
def gen3():
    yield 1
g3 = gen3()
next(g3)
try:
    next(g3)
except StopIteration as e:
    print("none", e.value, e.args)
print(next(gen3(), "x"), next(g3, "default"))
def gen4():
    return (1, 2)
    yield
try:
    next(gen4())
except StopIteration as e:
    print("tuple", e.value, e.args)
def deleg():
    r = yield from gen()
    print("got", r)
    return r * 2
d = deleg()
print(next(d))
try:
    next(d)
except StopIteration as e:
    print("deleg", e.value)
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print("list", e.value, e.args)
