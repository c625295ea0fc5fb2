# Many floats through repr, str, format specs and round: CPython's shortest round-trip repr
# and correctly rounded formatting.
scales = [1e-20, 1e-10, 1e-5, 1e-4, 1e-3, 0.1, 1.0, 10.0, 1e3, 1e5, 1e10, 1e15, 1e16, 1e17,
          1e22, 1e300]
for i in range(1, 61):
    x = (i * 7919 % 10007) / 137.0 * scales[i % len(scales)]
    if i % 3 == 0:
        x = -x
    print(repr(x), f"{x:.3f}", f"{x:e}", f"{x:g}", f"{x:.10g}", f"{x:.2%}", round(x, 3))
for x in (0.5, 1.5, 2.5, 0.125, 0.375, 1e-7, 123456.789e3, 5e-324, 2.2250738585072014e-308):
    print(repr(x), str(x), f"{x:.1f}", f"{x:.0e}", f"{x:.17g}", "%.3g" % x, "%s" % x)
print([i / 10 for i in range(11)], [1 / i for i in range(1, 8)])
print(sum(i / 3 for i in range(30)), 2 / 3 * 3, 1e16 + 1, 1e16 + 2, 0.1 ** 10)
