"""Records CPython 3.12's math.fsum and math.hypot results for math_summation_test.cpp.

Prints `name: value` lines (floats as repr, exact); `--write` stores them in
tests/modules/expected/math.txt. The inputs must match the C++ test's.
"""
import math
import pathlib
import sys

FSUM_CASES = [
    [0.1] * 10,
    [1e-16, 1.0, 1e16],
    [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],
    [],
    [float(i) / 7 for i in range(20)],
    [2.0**53, -0.5, -2.0**-54],
    [1.0, 1e-300, -1.0],
    [float("inf"), 1.0],
    [-float("inf"), -1.0, float("inf") * 0 + 1.0],
    [0.3, -0.1, -0.1, -0.1],
]
HYPOT_CASES = [
    [3.0, 4.0],
    [1.0, 1.0, 1.0],
    [1e-320, 1e-320],
    [1e308, 1e308],
    [0.1, 0.2, 0.3],
    [],
    [-5.0],
    [float("inf"), float("nan")],
    [float("nan"), 1.0],
    [1.2345, 6.789, 0.001],
    [-3.0, -4.0, 12.0],
    [0.0, 0.0],
    [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
]


# Calls through the module binding: `call.EXPR: repr` or `call.EXPR: Type: message`.
CALLS = [
    "sqrt(2)", "sqrt(-1)", "floor(-2.5)", "floor(7)", "ceil(2.1)", "trunc(-3.9)", "fabs(-4)",
    "pow(2,10)", "pow(0,-1)", "pow(-8,1/3)", "pow(10,400)", "exp(1000)", "exp(-1000)",
    "log(100,10)", "log(0)", "log(-1.5)", "log(1,1)", "log2(1024)", "log10(0.001)",
    "sin(1)", "cos(math.inf)", "atan2(-1,-1)", "hypot(3,4)", "isclose(1,1.05,rel_tol=0.1)",
    "isclose(1,2,abs_tol=-1)", "isfinite(math.nan)", "isinf(-math.inf)", "isnan(1)",
    "gcd(12,18,8)", "gcd()", "gcd(1.5,2)", "factorial(20)", "factorial(-1)", "factorial(21)",
    "floor(math.inf)", "floor(math.nan)", "sqrt('x')", "trunc('x')", "fsum([0.1]*10)",
    "degrees(math.pi)", "radians(180)", "copysign(3,-0.0)", "fmod(7,-3)", "fmod(math.inf,1)",
    "isqrt(99)", "isqrt(-1)", "isqrt(9223372036854775807)", "comb(10,3)", "comb(3,5)", "comb(-1,2)",
    "comb(5,-1)", "comb(62,31)", "comb(100,50)", "perm(5)", "perm(5,2)", "perm(-1)", "perm(21,21)",
    "lcm(4,6,10)", "lcm()", "lcm(0,5)", "prod([1,2,3,4])", "prod([1.5,2],start=3)", "prod([])",
    "modf(-3.25)", "modf(math.inf)", "frexp(12.5)", "frexp(0.0)", "ldexp(0.75,3)",
    "ldexp(1.0,2000)", "dist([1,2],[4,6])", "dist([1],[1,2])", "sinh(1)", "sinh(1000)",
    "cosh(0.5)", "tanh(-2)", "asinh(1)", "acosh(0)", "atanh(1)", "atanh(0.5)", "expm1(1e-10)",
    "log1p(-1)", "exp2(10)", "exp2(2000)",
]


def calls():
    for call in CALLS:
        try:
            result = eval("math." + call)
            if isinstance(result, int) and abs(result) >= 2**63:
                yield f"call.{call}: OverflowError: integer overflow"  # Loopscope's 64-bit ints
            else:
                yield f"call.{call}: {result!r}"
        except Exception as e:
            yield f"call.{call}: {type(e).__name__}: {e}"


def main():
    lines = [f"fsum.{i}: {math.fsum(c)!r}" for i, c in enumerate(FSUM_CASES)]
    lines += [f"hypot.{i}: {math.hypot(*c)!r}" for i, c in enumerate(HYPOT_CASES)]
    lines += list(calls())
    if "--write" in sys.argv:
        path = pathlib.Path(__file__).resolve().parent.parent / "expected" / "math.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
