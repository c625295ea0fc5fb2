# Name resolution: locals, enclosing, globals, builtins, class bodies.
x = "global x"


def read_global():
    return x


def shadow():
    x = "local x"
    return x


def nested():
    x = "enclosing x"

    def inner():
        return x

    return inner()


class Scope:
    x = "class x"
    doubled = x * 2

    def method(self):
        return x


print(read_global(), "|", shadow(), "|", nested())
print(Scope.x, "|", Scope.doubled, "|", Scope().method())


def set_global():
    global new_global
    new_global = "created inside a function"


set_global()
print(new_global)
len = lambda obj: "shadowed builtin"
print(len([1, 2]))
del len
print(len([1, 2]))


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1

        def deeper():
            nonlocal count
            count += 10

        deeper()
        return count

    return inc


inc = counter()
print(inc(), inc())
print([x for x in range(2)], x)
