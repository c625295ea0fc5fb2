# with statements and context manager classes.
class Tracker:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow


with Tracker("a") as t:
    print("inside", t.name)

with Tracker("outer"), Tracker("inner") as inner:
    print("both entered, inner is", inner.name)

with Tracker("swallows", swallow=True):
    raise ValueError("ignored")
print("after swallowed error")

try:
    with Tracker("propagates"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))


def early_return():
    with Tracker("returning"):
        return "value"


print(early_return())
for i in range(2):
    with Tracker(f"loop{i}"):
        if i == 0:
            continue
        print("body", i)
