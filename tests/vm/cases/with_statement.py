class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress

with Managed("a") as m:
    print("body", m.name)

with Managed("b", suppress=True):
    raise ValueError("hidden")
print("after b")

with Managed("c"), Managed("d"):
    print("two")

def f():
    with Managed("e"):
        return "returned"
print(f())
try:
    with Managed("f"):
        raise KeyError("k")
except KeyError as e:
    print("escaped", e)
