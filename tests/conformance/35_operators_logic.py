# Comparisons (chained), in, is, not, and/or short-circuit and conditional expressions.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0)
print(x in [1, 5], x not in (1, 2), "a" in "abc", "k" in {"k": 1}, 3 in range(5))
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, None is None)
print(not 0, not "x", not None, not not [])
print(0 or "default", "first" or "second", 0 and 1, 5 and 6, None or 0 or [])
print("" or None, [] and 1, 1 and [] or "fallback")


def loud(value, label):
    print("evaluated", label)
    return value


print(loud(False, "a") and loud(True, "b"))
print(loud(True, "c") or loud(True, "d"))
print(loud(1, "e") < loud(2, "f") < loud(0, "g") < loud(9, "h"))
y = 10 if x > 3 else 20
print(y, "yes" if [] else "no")
print(1 == 1.0, "1" == 1, None == 0, True == 1, (1, 2) != (1, 2))
print(2 + 3 * 4 ** 2 / 8 - 1, (2 + 3) * 4, -2 ** 2, (-2) ** 2, 7 - 3 - 2, 2 ** 3 ** 2)
print(10 - 2 * 3 % 4, 1 + 2 == 3 and not 4 < 3, 5 & 3 | 8, 1 < 2 == True)
try:
    1 < "a"
except TypeError as e:
    print("TypeError:", e)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    -"a"
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    3 in 5
except TypeError as e:
    print("TypeError:", e)
