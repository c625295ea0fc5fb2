a + b * c - d / e // f % g @ h
-x ** 2
(-x) ** 2
2 ** -1
2 ** 3 ** 2
~a
not a and b or c
a if b else c
a < b <= c == d != e > f >= g
a is not b
a not in b
a in b is c
x | y ^ z & w << 1 >> 2
lambda: 0
lambda x, y=1, *args, z, **kw: x + y
lambda *, k: k
f(a)(b)[c].d
f(*args, **kwargs)
f(1, x=2, *rest, y=3, **more)
f(x for x in range(3))
f((x for x in range(3)), 1)
a[1:2]
a[::2]
a[1:2, 3]
a[:]
a[1:]
a[:-1]
a[x, y]
a[*b]
print(value := 10)
(y := 5)
...
None; True; False
x = -1
