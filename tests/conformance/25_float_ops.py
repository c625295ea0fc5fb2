# float arithmetic and repr.
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4)
print(1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1.5e-7, 1e22)
print(-0.0, 0.0 == -0.0, 3.0, 2.5 * 4)
print(float("inf"), float("-inf"), float("nan"), float("1.5"), float(" 2 "), float(7))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(round(2.675, 2), round(3.14159, 3), round(0.5), round(1.5), round(2.5))
print(round(-0.5), round(123.456, -1), round(5.0))
print(2 ** 0.5, 4 ** 0.5, 10 ** 20.0)
print(abs(-3.5), divmod(7.5, 2))
print(int(1e10), float(2 ** 53))
print(0.1 * 3, 1.1 * 1.1, 100.0 / 3)
print(float("inf") > 1e308, float("inf") - float("inf"))
x = float("nan")
print(x == x, x != x)
print(1.0.is_integer(), (1.5).is_integer())
print(3.0 == 3, hash(3.0) == hash(3))
print(str(1.0), repr(0.30000000000000004), str(1e100))
print(sum([0.1] * 10), max(1.5, 2), min(-0.5, 0))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
