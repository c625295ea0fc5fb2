def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


class Point:
    """A point."""
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(1, 2)
show("repr", lambda: p)
show("str", lambda: str(p))
show("eq", lambda: [p == Point(1, 2), p != Point(1, 2), p == 3, p != 3])
show("add", lambda: p + Point(3, 4))
show("lt gt", lambda: [p < Point(2, 0), p > Point(0, 0)])
show("sorted", lambda: sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
show("le unsupported", lambda: p <= p)
show("unhashable", lambda: hash(p))
show("method", lambda: p.norm())
show("class attr", lambda: [Point.count, p.count, Point.__name__, Point.__qualname__])
show("missing attr", lambda: p.z)
show("missing class attr", lambda: Point.z)
show("type", lambda: [type(p) is Point, type(p).__name__, isinstance(p, Point), isinstance(p, object)])
show("init args", lambda: Point(1))
show("getattr", lambda: [getattr(p, "x"), getattr(p, "z", "default"), hasattr(p, "y"), hasattr(p, "w")])
show("setattr", lambda: (setattr(p, "z", 9), p.z)[1])
show("delattr", lambda: (delattr(p, "z"), hasattr(p, "z"))[1])
show("vars", lambda: vars(Point(5, 6)))
show("dict attr", lambda: Point(7, 8).__dict__)


class Plain:
    pass


show("plain repr prefix", lambda: repr(Plain()).startswith("<__main__.Plain object at 0x"))
show("plain args", lambda: Plain(1))
show("plain eq", lambda: [Plain() == Plain(), hash(Plain()) != 0])
show("class repr", lambda: [Plain, int, str, type, object])
show("mro", lambda: Plain.__mro__)


class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __str__(self):
        return f"Animal({self.name})"


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + "!"


d = Dog("rex", "lab")
show("inherit", lambda: [d.speak(), str(d), d.breed, isinstance(d, Animal), issubclass(Dog, Animal), issubclass(Animal, Dog)])
show("mro names", lambda: [c.__name__ for c in Dog.__mro__])
show("bases", lambda: Dog.__bases__)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


show("diamond", lambda: [D().who(), [k.__name__ for k in D.__mro__]])


class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273:
            raise ValueError("too cold")
        self._c = value

    @property
    def kelvin(self):
        return self._c + 273

    @staticmethod
    def unit():
        return "C"

    @classmethod
    def make(cls):
        return cls()


t = Temperature()
t.celsius = 25
show("property", lambda: [t.celsius, t.kelvin, Temperature.unit(), t.unit(), type(Temperature.make()).__name__])
show("property error", lambda: setattr(t, "celsius", -300))
show("readonly property", lambda: setattr(t, "kelvin", 5))


class Container:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __bool__(self):
        return bool(self.items)

    def __call__(self, x):
        return x * 2


c = Container([1, 2, 3])
c[0] = 10
show("protocols", lambda: [len(c), c[1], c[-1], 2 in c, 5 in c, list(c), bool(c), bool(Container([])), c(21), sum(c)])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


show("iterator", lambda: list(Countdown(3)))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __radd__(self, other):
        return Money(self.cents + other)

    def __repr__(self):
        return f"Money({self.cents})"

    def __hash__(self):
        return hash(self.cents)

    def __eq__(self, other):
        return isinstance(other, Money) and other.cents == self.cents

    def __neg__(self):
        return Money(-self.cents)

    def __format__(self, spec):
        return format(self.cents / 100, spec)


show("radd", lambda: [5 + Money(1), sum([Money(1), Money(2)], 0)])
show("hashable", lambda: [len({Money(1), Money(1), Money(2)}), -Money(3)])
show("format", lambda: [f"{Money(1234):.2f}", format(Money(5), ">8")])
show("unsupported add", lambda: Money(1) + Money(2))


class WithGetattr:
    def __getattr__(self, name):
        return name.upper()


show("getattr hook", lambda: [WithGetattr().foo, getattr(WithGetattr(), "bar")])


class Slotted:
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2)


s = Slotted()
s.v = 21
show("setattr hook", lambda: s.v)
show("bound method", lambda: [p.norm.__name__, p.norm.__self__ is p, callable(p.norm), Point.norm(p)])
show("class via type", lambda: type("Dyn", (object,), {"x": 1})().x)
show("isinstance tuple", lambda: [isinstance(1, (str, int)), isinstance("a", (int, float))])
show("isinstance bad", lambda: isinstance(1, 2))
show("bool subclass", lambda: [isinstance(True, int), issubclass(bool, int), True + 1, True * 2.5])
show("object()", lambda: [type(object()).__name__, object() == object()])
show("cant subclass bool", lambda: type("X", (bool,), {}))


class Link:
    def __init__(self, nxt):
        self.nxt = nxt


chain = None
for i in range(100000):
    chain = Link(chain)
nested = []
for i in range(100000):
    nested = [nested]
chain = None
nested = None
print("deep chains freed")
