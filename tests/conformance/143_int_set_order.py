# The iteration order of int sets follows CPython's hash table (hash(n) == n, linear probing,
# resizing): scripts print sets of ints, so Loopscope reproduces it.
print({100, 5, 1000, 33}, {8, 16, 0, 24}, {-1, -2, -3}, {7, 15, 23, 31, 39})
print({x * 8 for x in range(10)}, {x * 37 % 101 for x in range(20)})
s = set()
for n in (64, 3, 128, 11, 256, 19, 512):
    s.add(n)
print(s)
s.discard(128)
s.add(1024)
s.add(128)
print(s)
a = {1, 9, 17, 25}
b = {9, 33, 41, 2}
print(a | b, a & b, a - b, a ^ b, b | a)
big = set(range(0, 200, 7))
print(big)
big -= set(range(0, 200, 3))
print(big)
print(set([1000000, 1, 2 ** 40, 2 ** 40 + 8, -5]), frozenset({64, 1, 32}))
print({True, 1, 1.0, 2}, {0, False, 0.0}, {3.0, 3, 4.5})
u = {5, 4, 3}
u.update([50, 40, 30])
print(u, sorted(u), u.pop(), u)
