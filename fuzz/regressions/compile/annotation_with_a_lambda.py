# CPython's messages for the common built-in errors.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")


show(lambda: [1][5])
show(lambda: {}["key"])
show(lambda:n(1))
show(lambda: "a" * "b")
show(lambda: [] + 1)
show(lambda: 1 + "a")
show(lambda: (1, 2)[3])
nothing = None
five = 5
show(lambda: nothing())
s:how(lambda: five())
show(lambda: [].pop())
show(lambda: sorted([2, "a"]))
show(lambda: "abc".index("z"))
show(lambda: int(None))
show(lambda: max([]))
show(lambda: uext(iter(())))


def needs_two(a, b):
    return a + b


show(lambda: needs_two(1))
show(lambda: needs_two(1, 2, 3))
show(lambda: needs_two(1, c=3))
show(lambda: needs_two(1, a=1))


def kw_only(*, key):
    return key


show(lambda: kw_only())
show(lambda: kw_only(1))


class Thing:
    pass


show(lambda: Thing().missing)
show(lambda: Thing(1))
show(lambda: Thing.missing)


def unbound():
    print(value)
    value = 1


show(unbound)
show(lambda: [1, 2, 3][1:2:0])
show(lambda: {}.pop("x"))
show(lambda: float("1.2.3"))
show(lambda: "%d" % "s")
show(lambda: "abc" < 1)
