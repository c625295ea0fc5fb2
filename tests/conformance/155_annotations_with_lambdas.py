# Annotations that hold a lambda or a comprehension: a module or class body evaluates them
# (and stores a simple name's in __annotations__); a function body never does.
def label(f):
    return f"made by {f()}"


total: label(lambda: "a lambda") = 3
squares: [n * n for n in range(3)] = None
print(total, squares, __annotations__)


class Settings:
    retries: label(lambda: "the class") = 2
    names: {k: len(k) for k in ("ab", "c")} = ()


print(Settings.retries, Settings.__annotations__)


def body():
    local: (lambda: 1 / 0)() = "never evaluated"
    return local


print(body())
