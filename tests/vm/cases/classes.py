class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"Animal({self.name!r})"

class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"

d = Dog("rex")
print(d.speak(), d.kind, Dog.kind, isinstance(d, Animal))
print(repr(d), [d])

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def how_many(cls):
        return cls.count
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def double(self):
        return self.count * 2

Counter(); Counter()
c = Counter()
print(Counter.how_many(), Counter.helper(4), c.double)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __len__(self):
        return 2
    def __str__(self):
        return f"<{self.x}, {self.y}>"

v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6), len(v))

class Outer:
    class Inner:
        def where(self):
            return type(self).__qualname__
print(Outer.Inner().where())

class Base:
    def __init__(self):
        self.items = []
class Child(Base):
    def __init__(self, x):
        super().__init__()
        self.items.append(x)
print(Child(5).items)
