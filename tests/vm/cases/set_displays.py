# Set displays: CPython folds a display of 3 or more constants into a frozenset constant that
# SET_UPDATE copies, which orders elements differently from adding them one by one.
print({100, 5, 1000, 33}, {8, 16, 0, 24}, {-1, -2, -3}, {7, 15, 23, 31, 39})
print({True, 1, 1.0, 2}, {0, False, 0.0}, {3.0, 3, 4.5}, {(1, 2), 9, 17})
a, b, c, d = 100, 5, 1000, 33
print({a, b, c, d}, {a, 5, 1000, 33}, {*[100, 5], 1000, 33})
print({1, 9}, {9, 1}, {64, 0}, {x for x in (100, 5, 1000, 33)})
print({'same', 'same', 'same'}, len({1, 2, 3, 1, 2, 3}))
print({2 ** 40 + 8, 1, 2 ** 40}, {-(8), 16 * 2, 0, 24 // 1}, {1 - 9, 7, 15 % 8})
try:
    print({1, 2, 1 // 0})
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# As the iterable of a for or a comprehension, a constant display is a frozenset constant.
print([x for x in {7, 15, 23, 31, 39}], list({7, 15, 23, 31, 39}), {x for x in {7, 15, 23, 31}})
for x in {7, 15, 23, 31, 39}:
    print(x, end=" ")
print([(x, y) for x in (1, 2) for y in {9, 1, 17}], [x for x in {9, 1}])
