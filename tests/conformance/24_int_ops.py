# int arithmetic within the 64-bit range: division and modulo signs, powers, bit operations.
print(7 + 3, 7 - 10, 7 * 6, 7 / 2, 8 / 4)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 2 ** 0, (-2) ** 3, 2 ** -1, 10 ** -2)
print(divmod(17, 5), divmod(-17, 5))
print(abs(-12), -(-3), +4, ~5)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110, 1 << 10, 1024 >> 3, -16 >> 2)
big = 9223372036854775807
small = -9223372036854775807 - 1  # the literal 2**63 is beyond 64-bit ints
print(big, small, big - 1, small + 1)
print(1_000_000, 0x1F, 0o17, 0b11)
print(4611686018427387904 - 1 + 4611686018427387904)
print(int("123"), int("-45"), int(" 7 "), int("ff", 16), int("0b101", 0), int(3.99), int(-3.99))
print(int(True), int("1_000"))
print(10 == 10.0, 3 < 3.5, 1 + 2.5)
print(round(7), round(7.5), round(8.5), round(-2.5), round(1234, -2))
print(pow(2, 8), pow(3, 4, 5))
print(hash(42) == 42, hash(-1) == -2)
print(True + True, True * 3, False - 1)
print(str(12345), repr(-6))
print(123456789 * 1000, 2 ** 62)
print(max(3, 9, 1), min(3, 9, 1))
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int("x1")
except ValueError as e:
    print("ValueError:", e)
try:
    int("")
except ValueError as e:
    print("ValueError:", e)
