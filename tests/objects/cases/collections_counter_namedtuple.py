from collections import Counter, namedtuple


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


c = Counter("abracadabra")
show("counter", lambda: [c, c.most_common(2), c["z"], Counter(), c.total(), sorted(c.elements())[:4]])
c.update("zz")
c.subtract({"a": 10})
show("counter update", lambda: c)
show("counter kw", lambda: [Counter(a=2, b=1), Counter({"x": 1}), isinstance(c, dict), len(c)])
P = namedtuple("P", "x y")
p = P(1, y=2)
show("namedtuple", lambda: [p, p.x, p[1], p._fields, p._asdict(), p._replace(x=5), P._make([3, 4]), p == (1, 2), len(p), P])
Q = namedtuple("Q", ["a", "b"], defaults=[0])
show("defaults", lambda: [Q(1), Q(1, 2)])
show("missing", lambda: P(1))
show("too many", lambda: P(1, 2, 3))
x, y = p
show("unpack", lambda: [x, y, isinstance(p, tuple), type(p).__name__, hash(p) == hash((1, 2)), sorted([P(2, 1), P(1, 2)])])
