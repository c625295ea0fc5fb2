# Dunder edge cases: NotImplemented fallbacks, reflected comparisons, bad __str__/__init__,
# __hash__ = None, errors raised inside __repr__.
class Left:
    def __eq__(self, other):
        print("Left.__eq__")
        return NotImplemented

    def __lt__(self, other):
        print("Left.__lt__")
        return NotImplemented


class Right:
    def __eq__(self, other):
        print("Right.__eq__")
        return NotImplemented

    def __gt__(self, other):
        print("Right.__gt__")
        return True


l, r = Left(), Right()
print(l == r)
print(l != r)
print(l < r)
print(l == l)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents})"


print(sorted([Money(3), Money(1), Money(2)]), max(Money(3), Money(7)), Money(1) > Money(0))


class BadStr:
    def __str__(self):
        return 42


class BadInit:
    def __init__(self):
        return 5


class Unhashable:
    __hash__ = None


class FailingRepr:
    def __repr__(self):
        raise RuntimeError("repr failed")


for label, action in (
    ("str", lambda: str(BadStr())),
    ("init", lambda: BadInit()),
    ("hash", lambda: hash(Unhashable())),
    ("repr", lambda: repr([FailingRepr()])),
    ("print", lambda: print(FailingRepr())),
    ("compare", lambda: Left() < Left()),
):
    try:
        action()
    except (TypeError, RuntimeError) as e:
        print(label, "->", type(e).__name__ + ":", e)
