# Unbounded recursion raises RecursionError, which a script can catch.
def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20))


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


print(count(500))
