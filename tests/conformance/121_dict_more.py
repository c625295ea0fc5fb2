# More dict behaviour: merging operators, views, ordering after deletes, nested updates.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, {**a, **b})
c = dict(a)
c |= b
print(c, a)
d = {"k1": 1, "k2": 2, "k3": 3}
del d["k2"]
d["k2"] = 22
d["k1"] = 11
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(list(reversed(d)), len(d.items()), ("k1", 11) in d.items(), "k9" in d.keys())
print(d.keys() & {"k1", "zz"}, sorted(d.keys() | {"new"}), sorted(d.keys() - {"k3"}))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
nested["a"].setdefault("e", []).append(5)
print(nested)
counts = {}
for word in "one two one three two one".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=counts.get, reverse=True))
grouped = {}
for n in range(10):
    grouped.setdefault(n % 3, []).append(n)
print(grouped)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted, dict(sorted({"b": 1, "a": 2}.items())))
print({1: "a"} == {1.0: "a"}, {"a": 1} != {"a": 2}, dict(a=1) == {"a": 1})
keys = ["p", "q"]
print(dict.fromkeys(keys), dict.fromkeys(keys, []), dict(zip(keys, range(2))))
e = {}
print(e.get("x", "fallback"), e.pop("x", None), e.setdefault("x", 5), e)
print(repr({}), repr({"quote's": "d\"q"}), str({1: None, 2: True}))
try:
    a | [("k", 1)]
except TypeError as err:
    print("TypeError:", err)
try:
    {}.pop("missing")
except KeyError as err:
    print("KeyError:", err)
try:
    dict([(1, 2, 3)])
except ValueError as err:
    print("ValueError:", err)
