# if / elif / else, truthiness of builtin values and conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for n in (-5, 0, 3, 42):
    print(n, classify(n))

for value in (0, 1, "", "a", [], [0], {}, {"k": 1}, None, 0.0, 2.5, (), (0,), set(), range(0)):
    if value:
        print(repr(value), "is truthy")
    else:
        print(repr(value), "is falsy")

x = 5
label = "odd" if x % 2 else "even"
print(label)
print("big" if x > 100 else "medium" if x > 3 else "tiny")
if not []:
    print("empty list is falsy")
if x > 1 and x < 10 or x == 100:
    print("in range")
