# More numeric behaviour: mixed comparisons, float floor division and modulo, rounding, ints
# near the 64-bit limits, conversions.
print(1 == 1.0 == True, 2 > 1.5, -1 < -0.5, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(7 // 0.5, -7 // 0.5, 7 % 0.75, -7 % 0.75, 7.5 // -2, 7.5 % -2, divmod(-7, 0.5))
print(5 / 2, 4 / 2, -5 / 2, 1 / 3 * 3, 2 ** -2, (-8) ** 2, -8 ** 2, 10 ** 18)
print(9223372036854775807, -9223372036854775807 - 1, 9223372036854775807 // 2, -(9223372036854775807 // -2))
print(3037000499 * 3037000499, 2 ** 62 + (2 ** 62 - 1), 4611686018427387903 * 2)
print(int(1e18), int(-2.9), int("  -0012  "), int("0x1f", 16), int("z", 36), int("0o17", 8))
print(float("1e-3"), float("-.5"), float("3."), float("  1_000.5  "), float("-inf"), float("NaN") != 0)
print(round(2.5), round(-2.5), round(3.5), round(0.5), round(1.5), round(-0.5))
print(round(1.23456, 3), round(1234.5678, -2), round(-1234.5678, -1), round(15, -1), round(25, -1))
print(abs(-7), abs(-7.25), max(1, 2.0), min(2.0, 1), max(-0.0, 0.0), sum([1, 2.5]), sum(range(10), 0.5))
print(10 % 3, -10 % 3, 10 % -3, -10 % -3, 10.5 % 3, -10.5 % 3)
print(1_000_000 // 7, 1_000_000 % 7, pow(7, 2, 13), pow(2, 62) // pow(2, 31))
print(0.1 * 3, 0.1 * 3 == 0.3, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(float(10 ** 15), float(2 ** 53 + 1), int(2.0 ** 53) + 1, 123456789012345678 / 10)
print(True / 2, True // 2, 3 * True, -True, ~True, ~False, True & False, True | False, True ^ True)
print(hash(1) == hash(1.0) == hash(True), 1 in [1.0], 1.0 in {1}, {1: "a"}.get(1.0))
try:
    int("12.5")
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
