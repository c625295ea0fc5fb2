# Inheritance, method overriding, super() and isinstance/issubclass on user classes.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__} {self.name}"


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        base = super().speak()
        return base + "!"


class Puppy(Dog):
    def speak(self):
        return super().speak().upper()


a = Animal("generic")
d = Dog("rex", ["sit"])
p = Puppy("bit", [])
for x in (a, d, p):
    print(x.speak(), "|", x.describe())
print(d.tricks)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, object))
print([cls.__name__ for cls in Puppy.__mro__])


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


print(D().who())
print([k.__name__ for k in D.__mro__])


class MyError(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


try:
    raise MyError(7)
except ValueError as e:
    print(type(e).__name__, e, e.code, isinstance(e, Exception))
