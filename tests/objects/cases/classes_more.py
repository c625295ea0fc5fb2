def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __iter__(self):
        yield self.x
        yield self.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, o):
        return tuple(self) == tuple(o)

    def __bool__(self):
        return bool(self.x or self.y)

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]


v = Vec(1, 2)
show("a", lambda: [v * 2, 3 * v, list(v), len(v), v[1], bool(Vec(0, 0)), {v: 1}[Vec(1, 2)]])
show("b", lambda: sorted([Vec(2, 1), Vec(1, 2)], key=tuple))
show("c", lambda: str(v))
show("d", lambda: format(v, ""))
show("e", lambda: format(v, "x"))
show("f", lambda: v.z)


class Base:
    registry = []

    def __init_subclass__(cls, **kw):
        Base.registry.append(cls.__name__)


class Sub(Base):
    pass


show("g", lambda: Base.registry)


class Meta:
    def __class_getitem__(cls, item):
        return f"Meta[{item.__name__}]"


show("h", lambda: Meta[int])


class Stack:
    pass


show("i", lambda: Stack([1, 2]))


class Desc:
    def __get__(self, obj, owner):
        return "got"

    def __set_name__(self, owner, name):
        self.name = name


class UsesDesc:
    d = Desc()


show("j", lambda: [UsesDesc().d, UsesDesc.d, UsesDesc.__dict__["d"].name])


class Cm:
    @classmethod
    def make(cls, n):
        return [cls.__name__, n]

    @staticmethod
    def util(a, b=2):
        return a + b


show("k", lambda: [Cm.make(1), Cm().make(2), Cm.util(1), Cm().util(1, b=5)])
show("l", lambda: repr(Cm.make)[:29])


class P:
    def __init__(self):
        self._v = 1

    def _get(self):
        return self._v

    def _set(self, v):
        self._v = v * 10

    v = property(_get, _set, doc="value")


p = P()
p.v = 3
show("m", lambda: [p.v, P.v.__doc__ if hasattr(P.v, "__doc__") else None, type(P.v).__name__])


class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a


show("n", lambda: [str(E(1, 2)), repr(E(1, 2)), E(1, 2).args])
show("o", lambda: E(1))


class Lazy:
    def __getattr__(self, name):
        if name.startswith("x"):
            return 42
        raise AttributeError(f"no {name}")


show("p", lambda: [Lazy().xy, hasattr(Lazy(), "y"), getattr(Lazy(), "q", "dflt")])
show("q", lambda: Lazy().y)
show("r", lambda: [isinstance(Sub(), Base), Sub.__mro__, Sub.__name__, Sub.__module__])
