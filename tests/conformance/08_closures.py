# lambda, closures, nonlocal and global.
counter_total = 0


def bump():
    global counter_total
    counter_total += 1
    return counter_total


bump()
bump()
print("global", counter_total)


def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())

square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print(sorted(["ccc", "a", "bb"], key=lambda s: len(s)))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner()

    return middle()


print(outer())


def make_multipliers():
    result = []
    for factor in (2, 3):
        def multiply(v, factor=factor):
            return v * factor

        result.append(multiply)
    return result


print([m(5) for m in make_multipliers()])
print((lambda *a, **k: (a, k))(1, z=2))
