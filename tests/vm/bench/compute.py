# The VM's compute benchmark (target: within 1.5x of CPython 3.12): recursion, loops,
# comprehensions, method calls.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
        else:
            total -= 1
    j = 0
    while j < n:
        j += 1
    return total + j


def comprehensions(n):
    squares = [i * i for i in range(n)]
    evens = {i for i in squares if i % 2 == 0}
    table = {i: i + 1 for i in range(n // 2)}
    return len(squares) + len(evens) + len(table)


def methods(n):
    p = Point(0, 0)
    acc = 0
    for _ in range(n):
        p = p.moved(1)
        acc += p.norm1()
    return acc


print(fib(27))
print(loops(1_000_000))
print(comprehensions(300_000))
print(methods(200_000))
