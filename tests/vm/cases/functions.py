def add(a, b=10, *args, c, d=4, **kw):
    return a, b, args, c, d, kw

print(add(1, c=3))
print(add(1, 2, 3, 4, c=5, e=6))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10))

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner

f = outer()
print(f(), f(), f())

counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)

sq = lambda v: v * v
print(list(map(sq, [1, 2, 3])), sorted([3, 1, 2], key=lambda v: -v))

def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper

@deco
def hello(who):
    return "hi " + who

print(hello("bob"))
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
args = [1, 2]
kwargs = {"c": 5}
print(posonly(*args, **kwargs))
a, *rest = [1, 2, 3, 4]
print(a, rest)
first, *mid, last = "hello"
print(first, mid, last)
(p, q), r = (1, 2), 3
print(p, q, r)
if (m := 10) > 5:
    print("walrus", m)
