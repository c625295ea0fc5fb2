# The math module's constants and functions.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(math.trunc(3.9), math.trunc(-3.9), math.fabs(-4), math.pow(2, 10), math.pow(2, 0.5))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1))
print(math.log2(1024), math.log10(1000), math.log2(3), math.log10(2))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.hypot(3, 4), math.hypot(1, 1, 1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1),
      math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8))
print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__, math.floor(5), math.ceil(5))
print(math.sqrt(0.0), math.log(10), math.exp(-1), math.cos(1), math.sin(1), math.tan(1))
