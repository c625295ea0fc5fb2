# More format specs: alignment with '=', signs, zero padding, grouping, precision on strings.
values = [0, 7, -42, 1234567, 3.5, -0.001234, 1e16, 12345.6789, 2.5e-8, float("inf")]
for v in values:
    print(f"{v!r:>14}|{v:<12}|{v:^12}|")
for v in (-42, 42, 3.14159, -2.5):
    print(f"{v:=+10}|{v:+08}|{v: }|{v:010}")
for v in (1234.5, 0.000123456, 123456789.123, 100.0, 1.0, 0.5):
    print(f"{v:.3g}|{v:g}|{v:.2e}|{v:,.2f}|{v:.0%}|{v:10.4}")
print(f"{1234567:_d}|{255:_b}|{0xDEADBEEF:_x}|{1234567:,}|{-1234567.891:,.1f}")
print(f"{'abcdef':.3}|{'abc':>6.2}|{'x':*<4}|{'y':0>3}|{'':-^6}")
print(f"{True:d}|{True}|{False:>6}|{None!s:>6}|{None!r}")
print("{:>8}|{:<8}|{:^8}".format(1.5, -1.5, 2.25))
print("{0:{1}}|{0:{2}.{3}f}".format(3.14159, 8, 10, 2))
print("%-8s|%8.3f|%+5d|%05.1f|%x|%#x|%o|%e|%G" % ("ab", 2.5, 3, 9.87, 255, 255, 8, 1234.5, 1e-10))
print("%c%c%c" % (76, 111, 111), "%3c|" % "z", "%.3s" % "abcdef", "%r" % [1, "a"])
print(str(1e16), str(1e15), str(-1e-7), str(0.1 + 0.7), str(1 / 7), str(2.0 ** 60), str(123e-310))
print(repr(9007199254740993.0), repr(1.7976931348623157e308), repr(5e-324), repr(-0.0))
print(round(0.125, 2), round(0.375, 2), round(-1.005, 2), round(2.675, 2), round(1e15), round(0.5 + 1e-17))
