# list methods and operators.
xs = [3, 1, 2]
xs.append(5)
xs.extend([9, 0])
xs.insert(0, 7)
xs.insert(100, 8)
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs)
xs.remove(9)
print(xs, xs.index(2), xs.count(1))
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
copy = xs.copy()
copy.clear()
print(copy, xs)
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, 2 in [1, 2], 5 not in [1, 2])
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}))
nested = [1, [2, 3]]
nested.append(nested)
print(nested)
ys = [5, 6, 7]
ys[1:2] = [60, 61, 62]
print(ys)
ys[::2] = [0, 0, 0]
print(ys)
print(ys.index(62, 2), [None, True, 1.5, "s"])
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2, 3][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [3, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    ys[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
