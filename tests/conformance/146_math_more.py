# math: integer functions, hyperbolic functions, frexp/ldexp/modf, prod and dist.
import math

calls = [
    ("isqrt(99)", lambda: math.isqrt(99)),
    ("comb(10, 3)", lambda: math.comb(10, 3)),
    ("comb(3, 5)", lambda: math.comb(3, 5)),
    ("perm(5, 2)", lambda: math.perm(5, 2)),
    ("perm(4)", lambda: math.perm(4)),
    ("lcm(4, 6, 10)", lambda: math.lcm(4, 6, 10)),
    ("prod([1, 2, 3, 4])", lambda: math.prod([1, 2, 3, 4])),
    ("prod([1.5, 2], start=3)", lambda: math.prod([1.5, 2], start=3)),
    ("modf(-3.25)", lambda: math.modf(-3.25)),
    ("frexp(12.5)", lambda: math.frexp(12.5)),
    ("ldexp(0.75, 3)", lambda: math.ldexp(0.75, 3)),
    ("dist((1, 2), (4, 6))", lambda: math.dist((1, 2), (4, 6))),
    ("sinh(1)", lambda: math.sinh(1)),
    ("cosh(0.5)", lambda: math.cosh(0.5)),
    ("tanh(-2)", lambda: math.tanh(-2)),
    ("asin(1)", lambda: math.asin(1)),
    ("acos(0.5)", lambda: math.acos(0.5)),
    ("atan(1)", lambda: math.atan(1)),
    ("degrees(math.pi / 3)", lambda: math.degrees(math.pi / 3)),
    ("radians(45)", lambda: math.radians(45)),
    ("copysign(2, -0.0)", lambda: math.copysign(2, -0.0)),
    ("fmod(-7, 3)", lambda: math.fmod(-7, 3)),
    ("isqrt(-4)", lambda: math.isqrt(-4)),
    ("comb(-1, 2)", lambda: math.comb(-1, 2)),
    ("asin(2)", lambda: math.asin(2)),
    ("sinh(1000)", lambda: math.sinh(1000)),
    ("dist([1], [1, 2])", lambda: math.dist([1], [1, 2])),
    ("fsum([1e100, 1.0, -1e100])", lambda: math.fsum([1e100, 1.0, -1e100])),
    ("hypot(*range(5))", lambda: math.hypot(0, 1, 2, 3, 4)),
    ("log(1024, 2)", lambda: math.log(1024, 2)),
    ("log(math.e ** 2)", lambda: math.log(math.e ** 2)),
]
for text, call in calls:
    try:
        print(text, "=", call())
    except (ValueError, TypeError, OverflowError) as e:
        print(text, "->", type(e).__name__ + ":", e)
