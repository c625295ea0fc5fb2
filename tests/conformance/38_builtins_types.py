# type conversions and type queries.
print(type(1).__name__, type(1.0).__name__, type("").__name__, type(None).__name__, type(True).__name__)
print(type([]).__name__, type(()).__name__, type({}).__name__, type(set()).__name__, type(range(1)).__name__)
print(type(1), type("s"), type(len), type(type))
print(isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, (str, float)))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError))
print(str(12), str(1.5), str([1]), str((1,)), str({"a": 1}), str(None))
print(repr("a"), repr([1, "b"]), repr({1: "x"}), repr(()), repr(set()), repr(frozenset()))
print(int("12"), int(12.9), int(-0.5), int(True), float("3.5"), float(2), float("-inf"))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool(None), bool(0.0), bool(range(1)))
print(list("ab"), tuple([1]), dict([("k", 1)]), set([1, 1]), frozenset([2]))
print(list(), tuple(), dict(), str(), int(), float(), bool())
print(type(3) is int, type(True) is bool, type(3) == type(4))
print(int.__name__, str(int), repr(str))


class Custom:
    pass


c = Custom()
print(type(c) is Custom, type(c).__name__, Custom.__name__)
print(isinstance(object(), object), Custom.__name__)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
