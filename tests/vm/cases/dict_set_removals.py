# Removed entries and slots are remembered by the tables in a way of their own; what a script
# sees must not change: insertion order, re-insertion at the end, the iteration order of sets.


class MinusOne:
    def __hash__(self):
        return -1  # Python makes it -2

    def __eq__(self, other):
        return isinstance(other, MinusOne)

    def __repr__(self):
        return "MinusOne()"


d = {i: str(i) for i in range(20)}
for i in range(0, 20, 3):
    del d[i]
d[3] = "back"
d[-1] = "minus one"
d[-2] = "minus two"
d[MinusOne()] = "user -1"
print(list(d.items()))
print(len(d), -1 in d, -2 in d, MinusOne() in d, hash(-1), hash(MinusOne()))
print(d.pop(-1), d.pop(MinusOne()), d.popitem(), len(d))
for key in list(d):
    if key % 2 == 0:
        del d[key]
print(d)
d.clear()
d.update({"a": 1, "b": 2})
print(d, dict.fromkeys(range(3)))

s = set(range(40))
for i in range(0, 40, 2):
    s.discard(i)
s.update({100, 2, 4, -1, -2})
print(s)
s -= set(range(10, 30))
print(s, len(s), -1 in s, 0 in s, 2 in s)
print({MinusOne(), MinusOne(), -1, -2})
print(set({3: 0, 1: 0, 2: 0}), frozenset(s) == s, sorted(s ^ {1, 5, 7, 1000}))
big = {i * 7 for i in range(1000)}
for i in range(0, 7000, 14):
    big.remove(i)
print(len(big), sum(big), list(big)[:10])

# An added key takes the last removed slot its search passed (CPython 3.12's set_add_entry).
for size, removed in [(8, [2]), (20, [2, 3]), (40, range(0, 40, 2))]:
    s = set(range(size))
    for key in removed:
        s.discard(key)
    s.add(2)
    s.add(4)
    print(s)
