x = 7
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
print(-x // y, -x % y, 2 ** -1, 1.5 * 2)
a = b = 5
a += 1
print(a, b)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
print(not 0, 0 or "x", 1 and 2, None or 0)
print(1 if x > y else 2)
n = 10
n -= 3
n *= 2
n //= 3
print(n)
print(True + 1, 10 & 6, 10 | 6, 10 ^ 6, ~5, 1 << 4, 256 >> 2)
