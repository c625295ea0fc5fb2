# math's errors: "math domain error" and friends.
import math

for name, call in (
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1)", lambda: math.log(-1)),
    ("log10(0)", lambda: math.log10(0)),
    ("log2(-2)", lambda: math.log2(-2)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(2.5)", lambda: math.factorial(2.5)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("sqrt('x')", lambda: math.sqrt("x")),
    ("floor(inf)", lambda: math.floor(math.inf)),
    ("floor(nan)", lambda: math.floor(math.nan)),
    ("gcd(1.5, 2)", lambda: math.gcd(1.5, 2)),
    ("cos(inf)", lambda: math.cos(math.inf)),
    ("log(1, 1)", lambda: math.log(1, 1)),
):
    try:
        print(name, "=", call())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(name, "->", type(e).__name__ + ":", e)
