def gen_return():
    try:
        yield 1
        return 5
    finally:
        print("gen finally")

g = gen_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

def make(n):
    def inner(x, k=n * 2):
        return x + k + n
    return inner
print(make(1)(10), make(2)(10, k=0))

matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)])
print({x: [y for y in range(x)] for x in range(3)})
print(sum(x * x for x in range(10) if x % 2))

def kw(*args, **kwargs):
    return args, sorted(kwargs.items())
base = {"a": 1}
print(kw(*[1, 2], *(3,), **base, b=2))

class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"
class Square(Shape):
    sides = 4
print(Square().describe(), Shape().describe())

try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e.args, str(e), repr(e))

def suppressed():
    try:
        {}["x"]
    except KeyError:
        raise ValueError("clean") from None
try:
    suppressed()
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))

x = 10
def outer():
    x = 20
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())

def counter():
    count = 0
    def incr():
        nonlocal count
        count += 1
        return count
    return incr, lambda: count
inc, get = counter()
inc(); inc()
print(get())

print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, {*[1, 2], 3})
a, b = b, a = 1, 2
print(a, b)
t = 1, 2, 3
x, *_ = t
print(x, _)
s = "abc"
print(s * 2, 3 * [0], -s.count("z"))
i = 0
while (i := i + 1) < 3:
    print("walrus loop", i)
print([y for x in range(3) if (y := x * 10) > 0], y)

def ident(x):
    return x
print(ident(x=5), (lambda *a: a)(1, 2), (lambda **k: k)(z=1))
nums = [3, 1, 2]
nums.sort(key=lambda v: -v)
print(nums, sorted("bca"), min([4, 2, 8]), max("abc"))
print(all(x > 0 for x in nums), any(x > 2 for x in nums))
if not nums:
    print("empty")
elif len(nums) == 3:
    print("three")
else:
    print("other")
print(1 if [] else 2, "" or "default", 0 and 1)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
class WithCall:
    def __call__(self, v):
        return v * 3
print(WithCall()(4))
print(isinstance(True, int), type(3) is int, 3 == 3.0, (1, 2) < (1, 3))
