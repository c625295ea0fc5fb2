# del of names, subscripts, slices and attributes.
class Thing:
    pass


x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)

items = [0, 1, 2, 3, 4, 5]
del items[0]
print(items)
del items[1:3]
print(items)
del items[-1]
print(items)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
t = Thing()
t.attr = 1
t.other = 2
del t.attr
print(hasattr(t, "attr"), hasattr(t, "other"))
a, b = 1, 2
del a, b
print("deleted both")
nums = list(range(10))
del nums[::2]
print(nums)
