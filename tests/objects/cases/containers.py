def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


def mutate(f):
    def run():
        data = [5, 3, 1, 4]
        f(data)
        return data
    return run


show("list ops", lambda: [[1, 2] + [3], [0] * 3, 3 * [1], [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], 2 in [1, 2]])
show("list concat bad", lambda: [1] + (2,))
show("list index", lambda: [[1, 2, 3][-1], [1, 2, 3][0:2], [1, 2, 3, 4][::2], [1, 2, 3][::-1]])
show("list index bad", lambda: [1][5])
show("list index type", lambda: [1]["a"])
show("append", mutate(lambda d: d.append(9)))
show("extend", mutate(lambda d: d.extend(range(2))))
show("insert", mutate(lambda d: d.insert(1, 7)))
show("insert neg", mutate(lambda d: d.insert(-100, 7)))
show("pop", lambda: [[1, 2, 3].pop(), [1, 2, 3].pop(0), [1, 2, 3].pop(-2)])
show("pop empty", lambda: [].pop())
show("pop range", lambda: [1].pop(5))
show("remove", mutate(lambda d: d.remove(3)))
show("remove missing", mutate(lambda d: d.remove(42)))
show("index method", lambda: [[1, 2, 3, 2].index(2), [1, 2, 3, 2].index(2, 2)])
show("index missing", lambda: [1, 2].index(5))
show("count", lambda: [1, 2, 2, 3].count(2))
show("sort", mutate(lambda d: d.sort()))
show("sort reverse", mutate(lambda d: d.sort(reverse=True)))
show("sort key", lambda: sorted(["bb", "a", "ccc", "dd"], key=len))
show("sort stable reverse", lambda: sorted([(1, "a"), (0, "b"), (1, "c"), (0, "d")], key=lambda p: p[0], reverse=True))
show("sort mixed", lambda: sorted([1, "a"]))
show("reverse", mutate(lambda d: d.reverse()))
show("clear", mutate(lambda d: d.clear()))
show("copy", lambda: [1, [2]].copy())
show("slice assign", mutate(lambda d: d.__setitem__(slice(1, 3), ["x", "y", "z"])))
show("slice del", mutate(lambda d: d.__delitem__(slice(None, None, 2))))
show("ext slice assign bad", mutate(lambda d: d.__setitem__(slice(None, None, 2), [1])))
show("list()", lambda: [list(), list("ab"), list((1, 2)), list(range(3)), list({"a": 1})])
show("nested repr", lambda: [[1, [2, [3]]], [(), (1,), (1, 2)], [{}, set(), {1: [2]}]])
recursive = [1]
recursive.append(recursive)
print("recursive", recursive)
d = {"a": 1}
d["self"] = d
print("recursive dict", d)
show("tuple", lambda: [(1, 2) + (3,), (1,) * 3, (1, 2)[1], (1, 2, 3)[1:], (1, 2) < (1, 3), tuple([1, 2]), tuple("ab")])
show("tuple index", lambda: (1, 2).index(5))
show("tuple assign", lambda: (1, 2).__setitem__(0, 1))
show("tuple hash", lambda: hash((1, 2)) == hash((1, 2)))
show("dict", lambda: [{"a": 1, "b": 2}, dict(a=1), dict([("x", 1)]), dict({"y": 2}, z=3), {1: "a", 1.0: "b"}])
show("dict get", lambda: [{"a": 1}.get("a"), {"a": 1}.get("b"), {"a": 1}.get("b", 0)])
show("dict missing", lambda: {"a": 1}["b"])
show("dict missing int", lambda: {}[(1, 2)])
show("dict unhashable", lambda: {[1]: 2})
show("dict methods", lambda: [list({"a": 1, "b": 2}.keys()), list({"a": 1}.values()), list({"a": 1}.items()), {"a": 1}.keys(), {"a": 1}.values(), {"a": 1}.items()])
show("dict pop", lambda: [{"a": 1}.pop("a"), {"a": 1}.pop("b", None)])
show("dict pop missing", lambda: {}.pop("k"))
show("popitem", lambda: {"a": 1, "b": 2}.popitem())
show("popitem empty", lambda: {}.popitem())
show("setdefault", lambda: [{"a": 1}.setdefault("a", 5), {}.setdefault("b", [])])
show("update", lambda: (lambda x: (x.update({"b": 2}, c=3), x)[1])({"a": 1}))
show("fromkeys", lambda: dict.fromkeys("ab", 0))
show("dict eq", lambda: [{"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}])
show("dict or", lambda: {"a": 1} | {"b": 2})
show("dict order", lambda: (lambda x: (x.pop("a"), x.__setitem__("a", 3), x)[2])({"a": 1, "b": 2}))
show("view ops", lambda: ["a" in {"a": 1}.keys(), ("a", 1) in {"a": 1}.items(), len({"a": 1}.values()), {"a": 1, "b": 2}.keys() & {"a"}])
show("dict del", lambda: (lambda x: (x.__delitem__("a"), x)[1])({"a": 1, "b": 2}))
show("sets", lambda: [{3, 1, 2}, set(), {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3}, frozenset({1}), frozenset()])
a = -1
show("set order", lambda: [{a, -2, 5, 100, 7}, set([-1, -2, 5, 100, 7]), set(range(20, 0, -3)), {10, 9, 8, 100, 1000, 3}, set([4, 12, 20])])
show("set methods", lambda: [{1, 2}.issubset({1, 2, 3}), {1, 2} <= {1}, {1} < {1, 2}, {1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3]), {1, 2}.difference([1]), {1, 2}.isdisjoint({3})])
show("set add", lambda: (lambda x: (x.add(5), x.discard(1), x)[2])({1, 2}))
show("set remove missing", lambda: {1}.remove(5))
show("set pop", lambda: {7}.pop())
show("set pop empty", lambda: set().pop())
show("set unhashable", lambda: {[1]})
show("set eq", lambda: [{1, 2} == {2, 1}, {1} == frozenset({1}), {1, 2} != {1}])
show("set of tuples", lambda: len({(1, 2), (1, 2), (2, 1)}))
show("len", lambda: [len([1]), len((1, 2)), len({"a": 1}), len({1, 2, 3}), len(range(10)), len("")])
show("len bad", lambda: len(5))
show("range", lambda: [range(5), range(1, 5), range(0, 10, 2), list(range(5, 0, -2)), range(10)[2], range(10)[1:5], 3 in range(5), len(range(0, 10, 3)), range(0)])
show("range bad", lambda: range(1.5))
show("range zero step", lambda: range(1, 2, 0))
show("range index", lambda: range(3)[5])
show("enumerate zip", lambda: [list(enumerate("ab")), list(enumerate("ab", 1)), list(zip([1, 2], "ab")), list(zip([1, 2, 3], [4]))])
show("zip strict", lambda: list(zip([1, 2], [1], strict=True)))
show("map filter", lambda: [list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a"])), list(map(lambda a, b: a + b, [1, 2], [3, 4]))])
show("reversed", lambda: [list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2)))])
show("any all", lambda: [any([0, 1]), all([1, 0]), any([]), all([])])
show("iter next", lambda: (lambda it: [next(it), next(it), next(it, "done")])(iter([1, 2])))
show("next exhausted", lambda: next(iter([])))
show("not iterator", lambda: next([1]))
show("not iterable", lambda: iter(5))
show("unpack", lambda: (lambda a, b, *c: (a, b, c))(*[1, 2, 3, 4]))
show("slice obj", lambda: [slice(1, 2), slice(3), [1, 2, 3][slice(1, None)]])
show("sorted dict", lambda: sorted({"b": 1, "a": 2}))
show("min max key", lambda: [min(["bb", "a"], key=len), max({"x": 3, "y": 5}, key=lambda k: {"x": 3, "y": 5}[k])])


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


show("sequence protocol", lambda: [list(Seq()), 20 in Seq(), 5 in Seq(), sum(Seq())])
x = [1, 9, 17, 25]
y = [9, 33, 41, 2]
a = set(x)
b = set(y)
show("set algebra order", lambda: [a | b, a & b, a - b, a ^ b, b | a, b - a, b ^ a])
big = set(range(0, 200, 7))
big -= set(range(0, 200, 3))
show("set isub order", lambda: big)
c = set(range(40))
c &= set(range(0, 80, 3))
show("set iand order", lambda: c)
d = set(range(10))
d ^= set(range(5, 20))
show("set ixor order", lambda: d)
show("int attr readonly", lambda: setattr(5, "real", 1))
