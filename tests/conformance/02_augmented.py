# Augmented assignment on names, subscripts and attributes, and list += (in place).
class Counter:
    def __init__(self):
        self.n = 0


n = 10
n += 5
print(n)
n -= 3
print(n)
n *= 2
print(n)
n //= 5
print(n)
n **= 3
print(n)
n %= 7
print(n)
f = 7
f /= 2
print(f)
bits = 0b1100
bits |= 0b0011
print(bits)
bits &= 0b1010
print(bits)
bits ^= 0b1111
print(bits)
bits <<= 2
print(bits)
bits >>= 1
print(bits)
text = "ab"
text += "cd"
text *= 2
print(text)
values = [1, 2]
alias = values
values += [3]
print(values, alias, values is alias)
tup = (1,)
tup_alias = tup
tup += (2,)
print(tup, tup_alias)
d = {"a": 1}
d["a"] += 41
print(d)
c = Counter()
c.n += 1
c.n += 1
print(c.n)
grid = [[1, 2], [3, 4]]
grid[1][1] *= 10
print(grid)
