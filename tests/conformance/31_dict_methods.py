# dict methods, views, ordering and errors.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d), "a" in d, 20 in d)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.keys(), d.values(), d.items())
print(list(d.items())[0], sorted(d.values()))
print(d.setdefault("a", 99), d.setdefault("new", []), d)
print(d.pop("new"), d.pop("zz", "default"))
d.update({"a": 100, "e": 5})
d.update(f=6)
d.update([("g", 7)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["a"] = -1
print(d["a"], c["a"])
print(dict.fromkeys("xy", 0), dict(a=1, b=2), dict([(1, "one")]), dict(zip("ab", [1, 2])))
del c["a"]
c.clear()
print(c, {} == c, {1: "a"} == {1: "a"})
for key, value in {"x": 1, "y": 2}.items():
    print(key, value)
keys = d.keys()
d["late"] = True
print(len(keys), "late" in keys)
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple key"}[(1, 2)])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({**counts, "m": 0})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    for k in d:
        d["another"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
