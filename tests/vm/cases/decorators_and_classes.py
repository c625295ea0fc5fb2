def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def greet(name):
    return "hi " + name
print(greet("ann"))

def register(cls):
    cls.registered = True
    return cls

@register
class Thing:
    pass
print(Thing.registered)

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v
t = Temp()
t.celsius = 25
print(t.celsius)

class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(Dyn().hello)

class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return self
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
s = Stack().push(1).push(2).push(3)
print(list(s), len(s), s[0], s[-1])
del s.items[0]
print(list(s))
d = {"a": 1}
del d["a"]
print(d)
class WithSlots:
    x = 1
w = WithSlots()
w.y = 2
del w.y
print(hasattr(w, "y"), w.x)
print(type(w).__name__, WithSlots.__name__, WithSlots.__qualname__)
def gen_method():
    class G:
        def __iter__(self):
            yield 1
            yield 2
    return list(G())
print(gen_method())
