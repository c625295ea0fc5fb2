#pragma once

namespace loopscope::script {

class Runtime;

// Registers the native module `math` in the Runtime's native module registry, with CPython's
// results and messages ("math domain error", "math range error"): pi, e, tau, inf, nan; sqrt,
// exp, exp2, expm1, log (with base), log2, log10, log1p, pow, fabs, floor, ceil, trunc, modf,
// frexp, ldexp, copysign, fmod, sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh, asinh,
// acosh, atanh, degrees, radians, hypot, dist, fsum, prod, isclose, isfinite, isinf, isnan, gcd,
// lcm, isqrt, factorial, comb, perm. Integer results beyond 64 bits raise OverflowError
// "integer overflow" (docs/SCRIPTS.md). Whoever builds the Runtime calls it once.
void register_math_module(Runtime& rt);

}  // namespace loopscope::script
