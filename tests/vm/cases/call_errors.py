def f(a, b):
    return a + b

for call in [lambda: f(1, 2, 3), lambda: f(1), lambda: f(), lambda: f(1, 2, z=3),
             lambda: f(1, a=2), lambda: (lambda x, /: x)(x=1)]:
    try:
        call()
    except TypeError as e:
        print(e)

def g(a, *, k):
    return a

try:
    g(1)
except TypeError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
f(1, 2, 3)
