# sum, min, max, abs, round, divmod, pow, any, all.
print(sum([1, 2, 3]), sum([], 10), sum([0.5, 0.25]), sum(range(101)), sum([[1], [2]], []))
print(min(3, 1, 2), min([4, 5]), min("bca"), min([], default="empty"), min([3, 1], key=lambda v: -v))
print(max(3, 1, 2), max([4, 5]), max(["aa", "b"], key=len), max([], default=None))
print(abs(-3), abs(3.5), abs(-0.0), abs(True))
print(round(3.14159, 2), round(2.5), round(3.5), round(-1.5), round(10.0), round(1.23456, 4))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(divmod(7, 2), divmod(-7, 2), divmod(7.0, 2), divmod(-7.5, 2))
print(pow(2, 10), pow(2.0, 3), pow(2, -2), pow(5, 3, 7))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]))
print(min(1, 2.5), max(True, 0), sum([True, True]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
