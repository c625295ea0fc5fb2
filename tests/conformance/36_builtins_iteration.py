# len, range, enumerate, zip, map, filter, reversed, iter, next, sorted.
print(len("abc"), len([1, 2]), len({}), len(range(10)), len((1,)), len({1, 2}))
print(list(range(3)), list(range(2, 8, 3)), list(range(5, 0, -2)), list(range(0)))
print(list(enumerate("ab")), list(enumerate(["x", "y"], start=1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(2), range(2), range(2))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a", None])), list(filter(lambda n: n % 2, range(6))))
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(3))))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
print(sorted([3, 1, 2]), sorted("cab"), sorted({3: 0, 1: 0}), sorted([1, 3, 2], reverse=True))
e = enumerate("xy")
print(next(e), type(e).__name__)
m = map(abs, [-1, -2])
print(list(m), list(m))
print(dict(enumerate("ab")), dict(zip("ab", "cd")))
keys = ["a", "b"]
vals = [1, 2, 3]
try:
    list(zip(keys, vals, strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), [x for x in Countdown(2)])


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return 3

    def __contains__(self, item):
        return item == "magic"


print(list(Seq()), len(Seq()), "magic" in Seq(), 4 in Seq(), Seq()[2])
