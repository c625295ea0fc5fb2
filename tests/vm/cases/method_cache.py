# A call site keeps finding the method its object's class has now: the VM caches where a
# method was found, and must notice every change that moves it.


class Base:
    def greet(self):
        return "Base.greet"


class Child(Base):
    pass


child = Child()
seen = []
for step in range(9):
    try:
        seen.append(child.greet())
    except Exception as error:
        seen.append(f"{type(error).__name__}: {error}")
    if step == 0:
        Child.greet = lambda self: "Child.greet"  # an override appears
    elif step == 1:
        del Child.greet  # and goes: the base's again
    elif step == 2:
        Base.greet = lambda self: "Base.greet 2"  # replaced where it was found
    elif step == 3:
        child.greet = lambda: "instance"  # the instance's own attribute wins
    elif step == 4:
        del child.greet
        Base.greet = staticmethod(lambda: "static")
    elif step == 5:
        Base.greet = property(lambda self: lambda: "property")
    elif step == 6:
        Base.greet = 42
    elif step == 7:
        del Base.greet
print(seen)


# Two classes taking turns at one call site.
class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


print([animal.speak() for animal in [Cat(), Dog(), Cat(), Cat(), Dog()]])


# A class made anew on every pass, maybe at the address of the one before.
def make(n):
    class Made:
        def value(self):
            return n

    return Made()


print([make(n).value() for n in range(5)])


# __getattr__ answers only for names the class lacks.
class Fallback:
    def real(self):
        return "real"

    def __getattr__(self, name):
        return lambda: "fallback " + name


fallback = Fallback()
print([fallback.real() for _ in range(2)], [fallback.other() for _ in range(2)])
Fallback.other = lambda self: "now real"
print(fallback.other())

# Builtin types' methods in a loop.
items, words, table = [], ["a", "b"], {"k": 1}
for i in range(3):
    items.append(i)
    items.extend([i])
print(items, ",".join(words), [table.get("k"), table.get("z", 0)], "x y".split())


# A subclass gains the name later; the parent's instances do not see it.
class Parent:
    def who(self):
        return "parent"


class Kid(Parent):
    pass


pair = [Parent(), Kid()]
print([p.who() for p in pair])
Kid.who = lambda self: "kid"
print([p.who() for p in pair])
