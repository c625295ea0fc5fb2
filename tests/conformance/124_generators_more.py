# More generators: laziness, send before start, close/GeneratorExit, return values,
# generator expressions consumed twice, generators in builtins.
def noisy(n):
    for i in range(n):
        print("  producing", i)
        yield i


gen = (x * 10 for x in noisy(3))
print("generator created")
print(next(gen))
print(list(gen))
print(list(gen))


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


acc = accumulator()
try:
    acc.send(5)
except TypeError as e:
    print("TypeError:", e)
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)


def guarded():
    try:
        yield "first"
        yield "second"
    except GeneratorExit:
        print("GeneratorExit inside")
        raise
    finally:
        print("finally inside")


g = guarded()
print(next(g))
g.close()
print("closed; next gives", next(g, "nothing"))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(2))), sum(chain([1], [2, 3])))
print(dict(zip("abc", chain(range(2), [9]))), max(x % 5 for x in range(12)), sorted(noisy(0)))


def fib_upto(limit):
    a, b = 0, 1
    while a <= limit:
        yield a
        a, b = b, a + b


print(list(fib_upto(30)), any(x > 20 for x in fib_upto(30)), all(x < 5 for x in fib_upto(3)))
it = iter(fib_upto(5))
print(next(it), next(it), next(it), list(it))
print(type(fib_upto).__name__, type(fib_upto(1)).__name__)
