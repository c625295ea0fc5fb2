# def with defaults, keyword arguments, keyword-only parameters and return values.
def greet(name, greeting="Hello", punctuation="!"):
    return f"{greeting}, {name}{punctuation}"


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punctuation="?"))
print(greet(greeting="Yo", name="Di"))


def scale(value, *, factor=2, offset=0):
    return value * factor + offset


print(scale(3))
print(scale(3, factor=10))
print(scale(3, offset=1, factor=3))


def append_to(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(append_to(1), append_to(2))


def shared_default(item, bucket=[]):
    bucket.append(item)
    return bucket


print(shared_default(1), shared_default(2))


def nothing():
    pass


print(nothing())


def early(n):
    if n > 0:
        return "positive"
    return


print(early(1), early(-1))


def pair():
    return 1, 2


a, b = pair()
print(a, b, pair())


def pos_only(a, b, /, c):
    return a + b + c


print(pos_only(1, 2, c=3))
print(greet.__name__)
