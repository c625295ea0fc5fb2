# f-strings: expressions, conversions and format specs.
name = "Ada"
n = 1234567
t = 3.14159
pct = 0.256
print(f"{name} {name!r} {name!s} {name!a}")
print(f"{t:.2f} {t:.0f} {t:10.3f}| {t:<10.1f}| {t:^10.2f}| {t:+.1f}")
print(f"{n:,} {n:_} {n:>12,} {n:012d} {n:e} {n:.3e}")
print(f"[{n:>5}] [{7:>5}] [{7:<5}] [{7:^5}] [{7:*^7}] [{-7:05}]")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:b} {255:#b} {65:c}")
print(f"{pct:.1%} {pct:%} {1e-7:g} {123456789.0:g} {0.5:g} {1.0:g}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|")
print(f"{name:.2}", f"{name:10}|", f"{'x':>3}")
width = 8
prec = 3
print(f"{t:{width}.{prec}f}|")
print(f"{n // 1000}k", f"{[1, 2][0]}", f"{ {'a': 1}['a'] }", f"{'nested' + '!'}")
print(f"{{literal braces}} {n!r:>10}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{t = :.2f}", f"{n=}")
print(f"{True} {None} {3 > 2}")
print(f"{-0.0:.1f} {1e16:.0f} {2.5:.0f} {3.5:.0f} {1/3:.10f}")
print(f"{12.5:8.2e}|{-3:+d}|{3: d}|{1000000.0:,.2f}")
print(f"{'multi'}" f"{'part'}" "plain")
