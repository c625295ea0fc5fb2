# str.format: positional, keyword, indexes, attributes and specs.
class P:
    x = 3


print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=4))
print("{0[1]} {d[k]} {p.x}".format([10, 20], d={"k": "v"}, p=P()))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:,} {:08.2f} {:+}".format(2.0 / 3, 1234567, 3.14159, 5))
print("{!r} {!s}".format("s", "s"))
print("{:{w}.{p}f}".format(3.14159, w=9, p=2))
print("{{}} {}".format("escaped"))
print("{:x} {:#o} {:b} {:%}".format(255, 8, 5, 0.5))
print("{0:*^11}".format("mid"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
print(format(3.14159, ".1f"), format(42, "05d"), format("x", ">3"), format(1234, ","))
