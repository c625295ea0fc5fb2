# Classes: __init__, attributes, methods, class attributes, __repr__ and __str__.
class Point:
    dimensions = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def length_squared(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p)
print(repr(p))
print([p, Point(0, 0)])
print(f"{p} and {p!r}")
print(str(p), p.length_squared(), p.dimensions, Point.dimensions)
q = p.moved(1)
print(q, q.moved(dy=5, dx=0))
p.label = "origin-ish"
print(p.label)
Point.dimensions = 3
print(p.dimensions)
method = p.length_squared
print(method())
print(Point.length_squared(Point(1, 1)))
print(type(p).__name__, isinstance(p, Point), type(p) is Point)


class Plain:
    pass


obj = Plain()
print(type(obj).__name__, isinstance(obj, object))


class WithClassState:
    instances = 0

    def __init__(self):
        WithClassState.instances += 1


WithClassState()
WithClassState()
print(WithClassState.instances)


class OnlyStr:
    def __str__(self):
        return "only str"


print(OnlyStr(), str(OnlyStr()))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
