def g():
    x = yield
    y = [await z for z in w]
    return (yield)
[y for x in data if (y := x * 2) > 3 for z in (w := x)]
for *a, b in c: pass
print(*[1], **{})
@(x := y)
def h(): pass
class A(metaclass=M, **kw): pass
if x:
    import os
try:
    pass
except* (A, B):
    pass
a.b.c = d[e] = f
a[1:2] += x
del (a), [b]
f = lambda x=lambda: 1: x
d = {k: v for k, v in items if k if v}
s = {x for x in y}
t = f"{x:{y!r}}"
u = F'{x:{"a"}}'
v = (x for x in y for z in x)
w = not -x ** ~y
z = a if b else (c if d else e)
x = [*a, *b], {**c}, (*d,)
print(f"{x!r:^{w}}", end="")
assert isinstance(x, int), f"bad {x}"
async def k():
    async for a in b:
        async with c as d, e:
            await f
    return [x async for x in y if await x]
x = a @ b
x @= c
x = 1 if 2 else 3 if 4 else 5
x = (a := 1, b := 2)
x = a[b:=1]
