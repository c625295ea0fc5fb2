# More list behaviour: aliasing, slice assignment, sort stability and keys, index ranges.
a = [1, 2, 3]
b = a
c = a[:]
a.append(4)
print(a, b, c, a is b, a == b, a is c)
grid = [[0] * 2] * 2
grid[0][0] = 9
print(grid)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 9
print(grid)
nums = list(range(10))
nums[2:5] = [20]
print(nums)
nums[:0] = [-1, -2]
print(nums)
nums[len(nums):] = [100]
print(nums)
nums[::3] = ["x"] * len(nums[::3])
print(nums)
del nums[1::2]
print(nums)
records = [("bob", 3), ("ann", 3), ("cy", 1), ("dee", 2), ("al", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
print(sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int), sorted([3, 1, 2], key=lambda v: -v))
print([1, 2, 3, 2, 1].index(2, 2), [1, 2, 3].index(3, -1), [0] * 0, [None] * 2)
stack = []
stack.append(1)
stack.append(2)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue, queue.pop(-1), queue)
print(list(reversed([])), [x for x in reversed([1, 2, 3])], [1, [2, 3]] == [1, [2, 3]])
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, "b"), (2, "a")]), sum([[1], [2, 3]], []))
m = [5, 3, 8]
m.sort(key=None)
print(m, m.sort() is None, sorted(m) is m)
print([1, 2] * 2 + [3], 3 * [0], [] or ["default"], [[]] and "truthy")
x = [1, 2, 3]
x += "ab"
print(x)
x.extend(range(2))
x.extend((9,))
print(x, x.count(1), len(x))
x.clear()
print(x, bool(x))
try:
    [1, 2].pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    [1] * "2"
except TypeError as e:
    print("TypeError:", e)
