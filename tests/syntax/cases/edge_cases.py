print(*a, sep='')
x[1:2, ::3]
a if b else c if d else e
lambda *a, **k: 0
lambda a, /, b: 0
lambda a=1, *, b=2: a
@a.b[1](2)
def f(): pass
class A(*bases, **kw): pass
with a() as (b, c): pass
with a() as [b, *c]: pass
for [a, b] in x: pass
for x, in y: pass
del a[1:2], b.c
x: "ann" = 1
(a) = 1
((a)) += 1
not not x
-x ** -y
x = ...
... if x else ...
z = Rb'\d' + BR"\w" + rB'x'
s = 'a' 'b' f'c{d}'
t = ('multi'
     'line'
     f'{x}')
[i for i in range(3) if i for j in k]
{**a}
{*a}
x = *a, *b
y = yield *a, b
a[..., 1]
a[1:2:3]
a[::]
a[:, None]
raise X from None
assert (a, b)
import a.b.c as d
if x: a; b
if x: pass
elif y: pass
[y for x in z if (y := f(x))]
n = [0_0, 00, 0.0e0, 1_0.0_1, 0b0, 0o0, 0x_f, 1E5, 1e-0, .0, 0., 1.e5, 0e0, 1_2e1_0]
m = ['\'', "\"", r'\\', b'\x00\n\'', '\u0041', '''a\
b''', "tab\there"]
f(a)(b)(c)
x = [1, 2][0]
d = {(1, 2): 3, 'k': [4]}
e = a.b.c.d
g = a[b][c]
h = (a, b)[0]
i = not a in b
j = a is not b is c
k = a < b < c
l = lambda: (yield)
o = 1 if x else 2
p = [*range(3), *[4]]
q = f(x, *y, z, **w, k=1)
r = f(**a, **b, c=1)
u = f(a for b in c if d)
v = f'{x!r:>{width}.{prec}}'
w = f'{"nested" + f"{inner!s}"}'
y = f"{x:=^10}"
z = f"{x:%Y-%m-%d}"
aa = f"{x!r}" f"{y=}" "tail"
bb = f"{ x = }"
cc = f"{x}\n{y}\\{z}"
dd = f"""{
    x
}"""
ee = f"{'{'}{'}'}"
ff = f"{{{x}}}"
gg = rf"{x}\n"
hh = fR"\{x}"
class B:
    x: int
    y: int = 0
    def m(self, /, a, *, b): return a, b
    async def n(self): return [await z async for z in self.items()]
    @property
    def p(self): return self._p
async def agen():
    yield 1
    async for x in agen():
        yield x
    async with a as b, c as d:
        pass
def gen():
    x = yield
    y = (yield)
    z = yield from g()
    return (yield 1)
try:
    pass
except (A, B):
    pass
except C as c:
    pass
else:
    pass
finally:
    pass
while x:
    x -= 1
    if x: break
    else: continue
global aa, bb
nonlocal cc
