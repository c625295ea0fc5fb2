print(1, 2.5, "x", None, True, [1, "a"], (1,), {"k": 1}, {3, 1, 2})
print(0.1 + 0.2, 1e16, 1e-5, -0.0, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 10 / 4)
print(True + 1, repr("it's"), repr('say "hi"'), str(3.0), int("42"), float("1.5"))
