# __eq__, __lt__ and friends; sorting user objects; __hash__ interplay.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __repr__(self):
        return f"Version({self.major}, {self.minor})"

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __hash__(self):
        return hash((self.major, self.minor))


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs))
print(max(vs), min(vs))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1))
print(Version(1, 0) == "1.0")
print(Version(0, 1) < Version(0, 2), Version(0, 3) > Version(0, 2))
print(Version(1, 2) in vs, vs.index(Version(1, 0)))
print(len({Version(1, 0), Version(1, 0)}))


class NoHash:
    def __eq__(self, other):
        return True


try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
try:
    Version(1, 0) <= Version(2, 0)
except TypeError as e:
    print("TypeError:", e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        return self.__add__(other)

    def __repr__(self):
        return f"Money({self.cents})"

    def __len__(self):
        return self.cents

    def __bool__(self):
        return self.cents != 0


print(Money(5) + Money(7), Money(1) + 2, 3 + Money(1))
print(sum([Money(1), Money(2)]))
print(len(Money(4)), bool(Money(0)), bool(Money(3)))
