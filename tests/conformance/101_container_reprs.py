# reprs of nested containers, string escapes and int set ordering.
print({3, 1, 2}, {10, 5, 100, 7}, {-1, 0, 1}, {8, 16, 32, 64})
print(set(range(10, 0, -1)))
print([1, "two", 3.0, None, True, (4,), [5], {"six": 6}, {7}])
print(("a",), ((1, 2), [3]), {"k": ("v", [1])}, [[]], [()], {(): []})
print(repr("it's"), repr('say "hi"'), repr("tab\t"), repr("nul\x00"), repr("bell\x07"), repr("é"))
print(["new\nline", "back\\slash", "quote'", 'dq"'])
print(repr(""), repr(" "), str(""), [""])
print({1: {2: {3: []}}}, [1, [2, [3, [4]]]])
print(frozenset({3, 1}), {frozenset({1}): 1})
d = {}
d["self"] = d
print(d)
lst = [1]
lst.append([lst])
print(lst)
print(repr(1.0), repr(-1.5e-10), [0.1, 1e100, float("inf")])
print(range(0, 10, 2), slice(1, None, None), type(None), None, NotImplemented, Ellipsis)
