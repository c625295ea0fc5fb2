# List, dict, set and generator comprehensions, nested and filtered.
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({k: v for k, v in zip("abc", range(3))})
print({n % 4 for n in range(10)})
print(sorted({w[0] for w in ["apple", "avocado", "banana"]}))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([cell for row in matrix for cell in row])
print(sum(x * x for x in range(4)))
print({x: [y for y in range(x)] for x in range(3)})
words = ["a", "bb", "ccc"]
print({w: len(w) for w in words if len(w) > 1})
x = "unchanged"
print([x for x in range(3)], x)
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print(list(map(lambda t: t[0] * t[1], [(1, 2), (3, 4)])))
print(any(n > 3 for n in [1, 5]), all(n > 3 for n in [1, 5]))
print([y for x in [[1], [2, 3]] for y in x if y != 2])
