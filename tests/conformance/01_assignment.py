# Assignment targets: names, tuples, lists, starred, subscripts, attributes, chains.
class Box:
    pass


a = 1
b, c = 2, 3
print(a, b, c)
b, c = c, b
print(b, c)
[d, e] = "xy"
print(d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
(p, q), r = (1, 2), 3
print(p, q, r)
x = y = z = 7
print(x, y, z)
items = [0, 0, 0]
items[1] = 5
items[-1] = 9
print(items)
table = {}
table["k"] = "v"
table[1, 2] = "pair"
print(table)
box = Box()
box.width = 3
box.height = box.width * 2
print(box.width, box.height)
items[0], box.width = box.width, items[0]
print(items, box.width)
for i, (name, score) in enumerate([("ann", 3), ("bob", 5)]):
    print(i, name, score)
nested = [[0, 0], [0, 0]]
nested[1][0] = 4
print(nested)
s = slice(1, 3)
letters = list("abcdef")
letters[1:3] = ["X"]
print(letters, s)
