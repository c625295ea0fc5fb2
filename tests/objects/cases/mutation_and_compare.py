def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


def mutate_dict():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0


def mutate_set():
    s = {1, 2}
    for k in s:
        s.add(k + 10)


def mutate_list():
    items = [1, 2, 3]
    out = []
    for i in items:
        if i == 1:
            items.remove(i)
        out.append(i)
    return out


show("dict mutate", mutate_dict)
show("set mutate", mutate_set)
show("list mutate", mutate_list)
show("dict del during iter", lambda: [(lambda d: [d.pop(k) for k in list(d)] and d)({1: 2})])
show("unpack", lambda: [(a, b) for a, b in {"x": 1}.items()])
show("nested", lambda: {(1, 2): [3], frozenset({1}): "f"})
show("dict keys cmp", lambda: [{"a": 1}.keys() == {"a"}, {"a": 1}.items() == {("a", 1)}, {"a": 1}.values() == {"a": 1}.values()])
show("list ops", lambda: [[3, 1, 2].sort(), sorted([[2], [1, 5], [1]]), [[]] * 2, list(range(-3, 3))[::-1]])
show("index neg", lambda: [[1, 2, 3].index(3, -1), "abcabc".find("c", -2), (1, 2, 1).count(1)])
show("del slice", lambda: (lambda l: (l.__delitem__(slice(1, None)), l)[1])([1, 2, 3]))
show("assign step", lambda: (lambda l: (l.__setitem__(slice(None, None, -1), [7, 8, 9]), l)[1])([1, 2, 3]))
show("insert end", lambda: (lambda l: (l.insert(100, 9), l.insert(-1, 8), l)[2])([1, 2]))
show("str mult", lambda: ["-" * 10, "ab" * 2 + "c"])
show("tuple cmp", lambda: [(1, "a") < (1, "b"), (1, 2) == (1, 2.0), (2,) > (1, 9)])
show("mixed cmp", lambda: (1, "a") < (1, 2))
show("bool arithmetic", lambda: [True + True, True * 3, True / 2, -True, ~True, True << 2])
show("hash eq", lambda: [hash(1) == hash(1.0) == hash(True), {1: "a", True: "b", 1.0: "c"}])
show("none cmp", lambda: None < 1)
show("sort none", lambda: sorted([None, 1]))
show("list eq other", lambda: [[1] == (1,), [1] != (1,)])
show("dict from kwargs", lambda: dict([("a", 1)], b=2, a=3))
show("dict bad seq", lambda: dict([1, 2]))
show("dict bad len", lambda: dict([(1, 2, 3)]))
show("set from dict", lambda: set({3: 0, 1: 0, 2: 0}))
show("frozenset hash", lambda: hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
show("set contains set", lambda: {1, 2} in {frozenset({1, 2})})
