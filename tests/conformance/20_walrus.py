# Assignment expressions (the walrus operator).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
values = iter(data)
while (v := next(values, None)) is not None:
    if v > 5:
        print("big", v)
print([y for x in data if (y := x * 2) > 6])
print(y)
total = 0
print([total := total + x for x in data])
print(total)
print((z := 10) + z)
