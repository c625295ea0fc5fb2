def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)

x = 3.14159
n = 1234567
show("a", lambda: [f"{x}", f"{x:.3}", f"{x:10.2f}|", f"{x:<10.2f}|", f"{x:e}", f"{n:_}", f"{n:,.2f}", f"{-n:>12,}"])
show("b", lambda: [f"{0.000012345:g}", f"{123456789.0:g}", f"{1e-5:.2g}", f"{100:g}", f"{1.0:g}", f"{0.0:g}"])
show("c", lambda: [f"{5:03}", f"{-5:03}", f"{5:+03}", f"{3.0:05.1f}", f"{'x':^5}", f"{True:d}", f"{None!r}"])
show("d", lambda: [format(1.5, "%"), format(0.125, ".1%"), format(2/3, ".4"), format(1e300, ".3"), format(float("nan"), "f"), format(float("-inf"), "+.2f")])
show("e", lambda: ["{:>{width}.{prec}f}".format(3.14159, width=10, prec=2), "{!r:>8}".format("a"), "{0:{0}}".format(5)])
show("f", lambda: ["%5s|%-5s|" % ("ab", "cd"), "%.3s" % "abcdef", "%*d" % (5, 42), "%-*d|" % (5, 42), "%#o" % 8, "%#X" % 255, "%e" % 0])
show("g", lambda: ["%s" % None, "%s" % True, "%r" % 1.0, "%i" % True, "%5.1f%%" % 99.55])
show("h", lambda: [str(12345678.9), str(0.1 + 0.7), str(1/7), repr(3e-3), repr(123e-8), repr(9.999999999999999e15), repr(1e16 - 2)])
show("i", lambda: [round(1.005, 2), round(2.345, 2), round(-0.5), round(0.5 + 1e-17), round(1e16 + 0.5)])
show("j", lambda: [int(-0.9), int(1e10), float(10**15), 10**15 / 10**5, 2**53 + 1.0])
show("k", lambda: ["%.2f" % 2.675, "%.0f" % 0.5, "%.0f" % 1.5, "{:.0f}".format(2.5), f"{0.5:.0%}"])
show("l", lambda: [f"{x!s:.3}", f"{'abc'!r:.3}", f"{12:x>4}", f"{-12:x<6}", f"{12:=+6}"])
show("m", lambda: [format(-0.0, ".1f"), format(-0.0001, ".2f"), format(-0.0, "z.1f"), format(-1e-10, "z.3f")])
show("n", lambda: [f"{1234.5678:,.2f}", f"{0.1:.20f}", f"{1e22:f}", f"{1.5e-8:f}"])
