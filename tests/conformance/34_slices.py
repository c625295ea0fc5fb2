# Subscripts and slices on lists, strings, tuples and ranges.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7], xs[::3], xs[::-1], xs[8:2:-2])
print(xs[100:], xs[-100:2], xs[5:2], xs[:])
s = "abcdefgh"
print(s[1:4], s[::-1], s[-2:], s[::2], s[5:1:-1])
t = (0, 1, 2, 3)
print(t[1:3], t[::-1])
r = range(0, 20, 2)
print(r[3], r[-1], r[2:5], list(r[::3]), len(r), 8 in r, 9 in r)
print(range(5), range(1, 5), range(1, 10, 2), list(reversed(range(4))))
print(slice(1, 5, 2), xs[slice(1, 5, 2)], slice(None, 3))
m = xs[:]
m[2:8] = []
print(m)
m[1:1] = ["a", "b"]
print(m)
del m[::2]
print(m)
print("hello"[1:-1], "hello"[10:], [1, 2, 3][-1])
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    xs["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    xs[::0]
except ValueError as e:
    print("ValueError:", e)
