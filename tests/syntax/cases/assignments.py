x = 1
a = b = 2
a, b = b, a
(a, b), c = (1, 2), 3
[x, *rest] = items
first, *middle, last = range(10)
obj.attr = value
obj.items[0] = 5
d["key"] += 1
x -= 2; y *= 3; z /= 4; w //= 5
m %= 6
p **= 2
q <<= 1
q >>= 1
q &= 3
q |= 4
q ^= 5
count: int = 0
name: str
(paren): int = 3
obj.field: list = []
x = 1, 2,
x = yield_value = None
