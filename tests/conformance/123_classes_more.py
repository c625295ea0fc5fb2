# More class behaviour: class vs instance attributes, dunder protocols, __call__, __getitem__
# with slices, generator __iter__, class methods as alternative constructors, __class__.
class Registry:
    items = []  # shared by every instance: a classic surprise

    def __init__(self, name):
        self.name = name
        self.items.append(name)
        self.own = [name]


r1 = Registry("a")
r2 = Registry("b")
print(r1.items, r2.items, r1.own, r2.own, Registry.items is r1.items)
r1.items = ["shadow"]
print(r1.items, r2.items, Registry.items)


class Vector:
    def __init__(self, *coords):
        self.coords = list(coords)

    @classmethod
    def zeros(cls, n):
        return cls(*([0] * n))

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(map(repr, self.coords))})"

    def __len__(self):
        return len(self.coords)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Vector(*self.coords[index])
        return self.coords[index]

    def __setitem__(self, index, value):
        self.coords[index] = value

    def __iter__(self):
        for c in self.coords:
            yield c

    def __contains__(self, value):
        return value in self.coords

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self, other)))

    def __mul__(self, k):
        return Vector(*(c * k for c in self))

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return self * -1

    def __eq__(self, other):
        return isinstance(other, Vector) and self.coords == other.coords

    def __bool__(self):
        return any(self.coords)

    def __call__(self, scale):
        return self * scale


v = Vector(1, 2, 3)
print(v, len(v), v[0], v[-1], v[1:], list(v), 2 in v, 5 in v)
v[0] = 10
print(v + Vector(1, 1, 1), v * 2, 3 * v, -v, v(0.5))
print(Vector.zeros(2), bool(Vector.zeros(2)), bool(v), v == Vector(10, 2, 3), v != v)
print(sum(Vector(1, 2)), max(v), sorted(v, reverse=True), [c for c in v if c > 2])
print(v.__class__.__name__, type(v) is Vector, isinstance(v, object), callable(v))
a, b, c = v
print(a, b, c)


class Base:
    def __init__(self):
        self.log = [f"Base.__init__ for {type(self).__name__}"]

    def hello(self):
        return "Base.hello"


class Child(Base):
    def __init__(self, extra):
        super().__init__()
        self.log.append(f"Child.__init__ {extra}")

    def hello(self):
        return "Child>" + super().hello()


class GrandChild(Child):
    pass


g = GrandChild("x")
print(g.log, g.hello(), GrandChild.__mro__[1].__name__, GrandChild.__bases__[0].__name__)
print(hasattr(g, "log"), getattr(g, "hello")(), Base.hello(g))
