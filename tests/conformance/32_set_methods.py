# set and frozenset of small ints (CPython's order is deterministic for them).
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s)
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(s)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2}.issubset(a), a >= {1}, a.issuperset({9}), {1, 2} < {1, 2})
print(a.isdisjoint({7, 8}), set(), set([5, 5, 6]), set("aa"))
c = a.copy()
c.update([10, 11])
print(c, a)
p = {7}
print(p.pop(), p)
fs = frozenset([3, 1])
print(fs, frozenset(), fs | {9}, hash(fs) == hash(frozenset({1, 3})))
print({fs: "frozen key"}[frozenset({1, 3})])
print(sorted({"pear", "fig", "apple"}))
print(set(range(5)) - {0}, {x % 3 for x in range(9)})
print({1, 2} == {2, 1}, {1} == frozenset({1}))
e = set()
e.add(0)
e.clear()
print(e)
try:
    {1}.remove(9)
except KeyError as err:
    print("KeyError:", err)
try:
    set().pop()
except KeyError as err:
    print("KeyError:", err)
try:
    {[1]}
except TypeError as err:
    print("TypeError:", err)
