import sys

sys.setrecursionlimit(100000)


def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


print(down(50000))


def forever(n):
    return forever(n + 1)


forever(0)
