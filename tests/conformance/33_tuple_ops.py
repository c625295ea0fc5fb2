# tuples: packing, indexing, methods and comparison.
t = (1, "two", 3.0)
print(t, t[0], t[-1], len(t), t[1:])
print((), (1,), tuple("ab"), tuple([1, 2]), tuple(range(3)))
print(t.count(1), t.index("two"), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9), (1, 2) < (1, 2, 0))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[1, 2])
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, 4))
print([x + y for x, y in nested])
print(max((1, "a"), (1, "b")), sorted([(2, 1), (1, 2), (1, 1)]))
single = 5,
print(single, type(single).__name__)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t[7]
except IndexError as e:
    print("IndexError:", e)
try:
    x, y = t
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z, w = t
except ValueError as e:
    print("ValueError:", e)
try:
    hash(([1],))
except TypeError as e:
    print("TypeError:", e)
