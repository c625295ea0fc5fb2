"""Module docstring."""
# Docstrings, __annotations__ and the names of functions and classes.
x: int = 5
y: "later"
print(__doc__, __annotations__)


class A:
    """Doc of A."""

    x: int = 3
    y: str
    if True:
        z: float = 1.5

    def m(self):
        "m doc"
        return 1

    class Inner:
        def f(self):
            pass


class B(A):
    pass


class C:
    count = 0
    (w): int = 4
    print("body sees", __annotations__, __qualname__)


def g():
    """g doc"""


def h():
    pass


def only_value():
    v: list = []
    v.append(1)
    return v


print(A.__doc__, A.__annotations__, A.m.__doc__, g.__doc__, h.__doc__, B.__doc__)
print(A.__name__, A.__qualname__, A.__module__, A.m.__name__, A.m.__qualname__, A.m.__module__)
print(A.Inner.__qualname__, A.Inner.f.__qualname__, g.__qualname__, g.__module__)
print(B.__doc__, "__annotations__" in B.__dict__, "__doc__" in B.__dict__, B.__dict__["__module__"])
print(C.__annotations__, C.w, C.__doc__, only_value(), A.y if hasattr(A, "y") else "no y")


def outer():
    def inner():
        "inner doc"

    class D:
        z: float

    return inner, D


i, D = outer()
print(i.__qualname__, i.__doc__, D.__qualname__, D.__annotations__, D.__module__)
print((lambda: 0).__qualname__, (lambda: 0).__name__, (lambda: 0).__doc__)
A.m.__doc__ = "new"
g.__qualname__ = "renamed"
print(A.m.__doc__, g.__qualname__, g.__name__)
