total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
else:
    print("no break")
print(total)
for i in range(3):
    pass
else:
    print("else runs", i)
n = 0
while n < 5:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 2:
        break
print(n)
x = [i * i for i in range(6) if i % 2 == 0]
print(x)
print({k: v for k, v in zip("abc", range(3))})
print({i % 3 for i in range(10)})
print(sum(i for i in range(101)))
print([(a, b) for a in range(3) for b in range(a)])
