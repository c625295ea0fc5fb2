#include "script/modules/math_module.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <numeric>
#include <string>
#include <vector>

#include "script/modules/math_summation.h"
#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/tuple.h"

namespace loopscope::script {

namespace {

[[noreturn]] void domain_error(Runtime& rt) {
    raise_error(rt, rt.types().ValueError, "math domain error");
}

[[noreturn]] void range_error(Runtime& rt) {
    raise_error(rt, rt.types().OverflowError, "math range error");
}

// The argument of a one-argument function, with CPython's messages for the count and keywords.
const Value& only_argument(Runtime& rt, const CallArgs& args, std::string_view function) {
    reject_keywords(rt, args, function);
    expect_exactly(rt, args, function, 1);
    return args[0];
}

// CPython's math_1: a nan out of a non-nan is a domain error; an infinity out of a finite
// argument is an overflow for functions that can overflow (exp), a domain error otherwise.
double checked(Runtime& rt, double x, double result, bool can_overflow) {
    if (std::isnan(result) && !std::isnan(x)) {
        domain_error(rt);
    }
    if (std::isinf(result) && std::isfinite(x)) {
        if (can_overflow) {
            range_error(rt);
        }
        domain_error(rt);
    }
    return result;
}

template <double (*F)(double), bool CanOverflow = false>
NativeFunction unary(std::string name) {
    return [name = "math." + name](Runtime& rt, const CallArgs& args) {
        const double x = to_double(rt, only_argument(rt, args, name));
        return Value::floating(checked(rt, x, F(x), CanOverflow));
    };
}

double c_sqrt(double x) {
    return std::sqrt(x);
}
double c_exp(double x) {
    return std::exp(x);
}
double c_fabs(double x) {
    return std::fabs(x);
}
double c_sin(double x) {
    return std::sin(x);
}
double c_cos(double x) {
    return std::cos(x);
}
double c_tan(double x) {
    return std::tan(x);
}
double c_asin(double x) {
    return std::asin(x);
}
double c_acos(double x) {
    return std::acos(x);
}
double c_atan(double x) {
    return std::atan(x);
}
double c_sinh(double x) {
    return std::sinh(x);
}
double c_cosh(double x) {
    return std::cosh(x);
}
double c_tanh(double x) {
    return std::tanh(x);
}
double c_asinh(double x) {
    return std::asinh(x);
}
double c_acosh(double x) {
    return std::acosh(x);
}
double c_atanh(double x) {
    return std::atanh(x);
}
double c_expm1(double x) {
    return std::expm1(x);
}
double c_log1p(double x) {
    return std::log1p(x);
}
double c_exp2(double x) {
    return std::exp2(x);
}
double c_degrees(double x) {
    return x * (180.0 / std::numbers::pi);
}
double c_radians(double x) {
    return x * (std::numbers::pi / 180.0);
}

// A float result converted to int: floor, ceil, trunc.
Value integral(Runtime& rt, double value) {
    if (std::isinf(value)) {
        raise_error(rt, rt.types().OverflowError, "cannot convert float infinity to integer");
    }
    if (std::isnan(value)) {
        raise_error(rt, rt.types().ValueError, "cannot convert float NaN to integer");
    }
    // Loopscope's ints are 64-bit (docs/SCRIPTS.md); -2^63 is exact, 2^63 is out.
    if (value < -9223372036854775808.0 || value >= 9223372036854775808.0) {
        raise_error(rt, rt.types().OverflowError, "integer overflow");
    }
    return Value::integer(static_cast<std::int64_t>(value));
}

template <double (*Round)(double)>
NativeFunction rounding(std::string name) {
    return [name = "math." + name](Runtime& rt, const CallArgs& args) {
        const Value& x = only_argument(rt, args, name);
        if (x.is_int() || x.is_bool()) {
            return Value::integer(x.as_int());
        }
        return integral(rt, Round(to_double(rt, x)));
    };
}

double c_floor(double x) {
    return std::floor(x);
}
double c_ceil(double x) {
    return std::ceil(x);
}

Value math_trunc(Runtime& rt, const CallArgs& args) {
    const Value& x = only_argument(rt, args, "math.trunc");
    if (x.is_int() || x.is_bool()) {
        return Value::integer(x.as_int());
    }
    if (!x.is_float()) {
        raise_error(rt, rt.types().TypeError,
                    "type " + std::string(type_name(rt, x)) + " doesn't define __trunc__ method");
    }
    return integral(rt, std::trunc(x.as_float()));
}

// CPython's loghelper: ints must be positive; floats go through m_log's special cases.
double log_of(Runtime& rt, const Value& x, double (*log)(double)) {
    if (x.is_int() || x.is_bool()) {
        if (x.as_int() <= 0) {
            domain_error(rt);
        }
        return log(static_cast<double>(x.as_int()));
    }
    const double value = to_double(rt, x);
    if (std::isnan(value) || value == std::numeric_limits<double>::infinity()) {
        return value;
    }
    if (value <= 0.0) {  // also -inf
        domain_error(rt);
    }
    return log(value);
}

double c_log(double x) {
    return std::log(x);
}
double c_log2(double x) {
    return std::log2(x);
}
double c_log10(double x) {
    return std::log10(x);
}

Value math_log(Runtime& rt, const CallArgs& args) {
    reject_keywords(rt, args, "math.log");
    expect_between(rt, args, "log", 1, 2);
    const double number = log_of(rt, args[0], c_log);
    if (args.size() == 1) {
        return Value::floating(number);
    }
    const double base = log_of(rt, args[1], c_log);
    if (base == 0.0) {
        raise_error(rt, rt.types().ZeroDivisionError, "float division by zero");
    }
    return Value::floating(number / base);
}

template <double (*Log)(double)>
NativeFunction log_function(std::string name) {
    return [name = "math." + name](Runtime& rt, const CallArgs& args) {
        return Value::floating(log_of(rt, only_argument(rt, args, name), Log));
    };
}

// Two float arguments, for pow, atan2, copysign, fmod.
std::pair<double, double> two_floats(Runtime& rt, const CallArgs& args, std::string_view name) {
    reject_keywords(rt, args, std::string("math.") + std::string(name));
    expect_between(rt, args, name, 2, 2);
    return {to_double(rt, args[0]), to_double(rt, args[1])};
}

// CPython's math_pow: IEEE specials handled directly, libm for finite ** finite.
Value math_pow(Runtime& rt, const CallArgs& args) {
    const auto [x, y] = two_floats(rt, args, "pow");
    if (!std::isfinite(x) || !std::isfinite(y)) {
        double r = 0.0;
        if (std::isnan(x)) {
            r = y == 0.0 ? 1.0 : x;
        } else if (std::isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        } else if (std::isinf(x)) {
            const bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0.0) {
                r = odd_y ? x : std::fabs(x);
            } else if (y == 0.0) {
                r = 1.0;
            } else {
                r = odd_y ? std::copysign(0.0, x) : 0.0;
            }
        } else {  // y is infinite
            if (std::fabs(x) == 1.0) {
                r = 1.0;
            } else if (y > 0.0 && std::fabs(x) > 1.0) {
                r = y;
            } else if (y < 0.0 && std::fabs(x) < 1.0) {
                r = -y;
            } else {
                r = 0.0;
            }
        }
        return Value::floating(r);
    }
    const double r = std::pow(x, y);
    if (std::isnan(r)) {
        domain_error(rt);  // a negative base to a non-integer power
    }
    if (std::isinf(r)) {
        if (x == 0.0) {
            domain_error(rt);  // 0 ** negative
        }
        range_error(rt);
    }
    return Value::floating(r);
}

Value math_atan2(Runtime& rt, const CallArgs& args) {
    const auto [y, x] = two_floats(rt, args, "atan2");
    return Value::floating(std::atan2(y, x));
}

Value math_copysign(Runtime& rt, const CallArgs& args) {
    const auto [x, y] = two_floats(rt, args, "copysign");
    return Value::floating(std::copysign(x, y));
}

Value math_fmod(Runtime& rt, const CallArgs& args) {
    const auto [x, y] = two_floats(rt, args, "fmod");
    if (std::isinf(y) && std::isfinite(x)) {
        return Value::floating(x);
    }
    const double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) {
        domain_error(rt);
    }
    return Value::floating(r);
}

std::vector<double> all_floats(Runtime& rt, const CallArgs& args, std::string_view name) {
    reject_keywords(rt, args, name);
    std::vector<double> values;
    values.reserve(args.size());
    for (const Value& v : args.positional) {
        values.push_back(to_double(rt, v));
    }
    return values;
}

Value math_hypot(Runtime& rt, const CallArgs& args) {
    return Value::floating(euclidean_norm(all_floats(rt, args, "math.hypot")));
}

Value math_fsum(Runtime& rt, const CallArgs& args) {
    const Value& iterable = only_argument(rt, args, "math.fsum");
    std::vector<double> values;
    for_each_item(rt, iterable, [&](const Value& item) {
        values.push_back(to_double(rt, item));
        return true;
    });
    try {
        return Value::floating(exact_sum(values));
    } catch (const std::overflow_error& e) {
        raise_error(rt, rt.types().OverflowError, e.what());
    } catch (const std::domain_error& e) {
        raise_error(rt, rt.types().ValueError, e.what());
    }
}

Value math_isclose(Runtime& rt, const CallArgs& args) {
    const auto parsed =
        parse_arguments(rt, args, Signature{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 0, 2});
    const double a = to_double(rt, *parsed[0]);
    const double b = to_double(rt, *parsed[1]);
    const double rel_tol = parsed[2] ? to_double(rt, *parsed[2]) : 1e-09;
    const double abs_tol = parsed[3] ? to_double(rt, *parsed[3]) : 0.0;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        raise_error(rt, rt.types().ValueError, "tolerances must be non-negative");
    }
    if (a == b) {
        return Value::boolean(true);  // also equal infinities
    }
    if (std::isinf(a) || std::isinf(b)) {
        return Value::boolean(false);
    }
    const double diff = std::fabs(b - a);
    return Value::boolean(diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) ||
                          diff <= abs_tol);
}

template <bool (*Test)(double)>
NativeFunction classify(std::string name) {
    return [name = "math." + name](Runtime& rt, const CallArgs& args) {
        return Value::boolean(Test(to_double(rt, only_argument(rt, args, name))));
    };
}

bool c_isfinite(double x) {
    return std::isfinite(x);
}
bool c_isinf(double x) {
    return std::isinf(x);
}
bool c_isnan(double x) {
    return std::isnan(x);
}

std::uint64_t magnitude(std::int64_t n) {
    return n < 0 ? ~static_cast<std::uint64_t>(n) + 1 : static_cast<std::uint64_t>(n);
}

Value math_gcd(Runtime& rt, const CallArgs& args) {
    reject_keywords(rt, args, "math.gcd");
    std::uint64_t result = 0;
    for (const Value& v : args.positional) {
        result = std::gcd(result, magnitude(to_index(rt, v)));
    }
    if (result > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        raise_error(rt, rt.types().OverflowError, "integer overflow");  // gcd(-2**63, 0)
    }
    return Value::integer(static_cast<std::int64_t>(result));
}

Value math_factorial(Runtime& rt, const CallArgs& args) {
    const std::int64_t n = to_index(rt, only_argument(rt, args, "math.factorial"));
    if (n < 0) {
        raise_error(rt, rt.types().ValueError, "factorial() not defined for negative values");
    }
    std::int64_t result = 1;
    for (std::int64_t i = 2; i <= n; ++i) {
        if (__builtin_mul_overflow(result, i, &result)) {
            raise_error(rt, rt.types().OverflowError, "integer overflow");  // n > 20
        }
    }
    return Value::integer(result);
}

[[noreturn]] void integer_overflow(Runtime& rt) {
    // Loopscope's ints are 64-bit (docs/SCRIPTS.md).
    raise_error(rt, rt.types().OverflowError, "integer overflow");
}

Value math_isqrt(Runtime& rt, const CallArgs& args) {
    const std::int64_t n = to_index(rt, only_argument(rt, args, "math.isqrt"));
    if (n < 0) {
        raise_error(rt, rt.types().ValueError, "isqrt() argument must be nonnegative");
    }
    const auto value = static_cast<std::uint64_t>(n);
    auto root = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(value)));
    while (root * root > value) {  // root <= 3037000500: root * root fits
        --root;
    }
    while ((root + 1) * (root + 1) <= value) {
        ++root;
    }
    return Value::integer(static_cast<std::int64_t>(root));
}

// n and k of comb and perm, with CPython's messages.
std::pair<std::int64_t, std::int64_t> n_and_k(Runtime& rt, const Value& n_value,
                                              const Value& k_value) {
    const std::int64_t n = to_index(rt, n_value);
    const std::int64_t k = to_index(rt, k_value);
    if (n < 0) {
        raise_error(rt, rt.types().ValueError, "n must be a non-negative integer");
    }
    if (k < 0) {
        raise_error(rt, rt.types().ValueError, "k must be a non-negative integer");
    }
    return {n, k};
}

Value math_comb(Runtime& rt, const CallArgs& args) {
    reject_keywords(rt, args, "math.comb");
    expect_between(rt, args, "comb", 2, 2);
    auto [n, k] = n_and_k(rt, args[0], args[1]);
    if (k > n) {
        return Value::integer(0);
    }
    k = std::min(k, n - k);
    // C(n, i + 1) = C(n, i) * (n - i) / (i + 1) is exact at every step; 128 bits hold the
    // product while C(n, i) fits 63.
    __extension__ using Wide = unsigned __int128;
    Wide result = 1;
    for (std::int64_t i = 0; i < k; ++i) {
        result = result * static_cast<Wide>(n - i) / static_cast<Wide>(i + 1);
        if (result > static_cast<Wide>(std::numeric_limits<std::int64_t>::max())) {
            integer_overflow(rt);
        }
    }
    return Value::integer(static_cast<std::int64_t>(result));
}

Value math_perm(Runtime& rt, const CallArgs& args) {
    reject_keywords(rt, args, "math.perm");
    expect_between(rt, args, "perm", 1, 2);
    if (args.size() == 1 || args[1].is_none()) {
        const std::int64_t n = to_index(rt, args[0]);
        if (n < 0) {
            raise_error(rt, rt.types().ValueError, "factorial() not defined for negative values");
        }
        std::int64_t result = 1;
        for (std::int64_t i = 2; i <= n; ++i) {
            if (__builtin_mul_overflow(result, i, &result)) {
                integer_overflow(rt);
            }
        }
        return Value::integer(result);
    }
    const auto [n, k] = n_and_k(rt, args[0], args[1]);
    if (k > n) {
        return Value::integer(0);
    }
    std::int64_t result = 1;
    for (std::int64_t i = 0; i < k; ++i) {
        if (__builtin_mul_overflow(result, n - i, &result)) {
            integer_overflow(rt);
        }
    }
    return Value::integer(result);
}

Value math_lcm(Runtime& rt, const CallArgs& args) {
    reject_keywords(rt, args, "math.lcm");
    std::int64_t result = 1;
    for (const Value& v : args.positional) {
        const std::uint64_t m = magnitude(to_index(rt, v));
        if (m == 0 || result == 0) {
            result = 0;
            continue;
        }
        const std::uint64_t reduced =
            static_cast<std::uint64_t>(result) / std::gcd(static_cast<std::uint64_t>(result), m);
        std::uint64_t product = 0;
        if (__builtin_mul_overflow(reduced, m, &product) ||
            product > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            integer_overflow(rt);
        }
        result = static_cast<std::int64_t>(product);
    }
    return Value::integer(result);
}

Value math_prod(Runtime& rt, const CallArgs& args) {
    const auto parsed =
        parse_arguments(rt, args, Signature{"prod", {"iterable", "start"}, 1, 1, 1});
    Value result = parsed[1] ? *parsed[1] : Value::integer(1);
    for_each_item(rt, *parsed[0], [&](const Value& item) {
        result = binary_op(rt, NumberOp::Mul, result, item);
        return true;
    });
    return result;
}

Value math_modf(Runtime& rt, const CallArgs& args) {
    const double x = to_double(rt, only_argument(rt, args, "math.modf"));
    if (std::isinf(x)) {
        return make_tuple(rt, {Value::floating(std::copysign(0.0, x)), Value::floating(x)});
    }
    double whole = 0.0;
    const double fraction = std::modf(x, &whole);
    return make_tuple(rt, {Value::floating(fraction), Value::floating(whole)});
}

Value math_frexp(Runtime& rt, const CallArgs& args) {
    const double x = to_double(rt, only_argument(rt, args, "math.frexp"));
    if (std::isnan(x) || std::isinf(x) || x == 0.0) {
        return make_tuple(rt, {Value::floating(x), Value::integer(0)});
    }
    int exponent = 0;
    const double mantissa = std::frexp(x, &exponent);
    return make_tuple(rt, {Value::floating(mantissa), Value::integer(exponent)});
}

Value math_ldexp(Runtime& rt, const CallArgs& args) {
    reject_keywords(rt, args, "math.ldexp");
    expect_between(rt, args, "ldexp", 2, 2);
    const double x = to_double(rt, args[0]);
    if (!args[1].is_int() && !args[1].is_bool()) {
        raise_error(rt, rt.types().TypeError, "Expected an int as second argument to ldexp.");
    }
    if (x == 0.0 || !std::isfinite(x)) {
        return Value::floating(x);
    }
    const std::int64_t exponent = std::clamp<std::int64_t>(
        args[1].as_int(), std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    const double r = std::ldexp(x, static_cast<int>(exponent));
    if (std::isinf(r)) {
        range_error(rt);
    }
    return Value::floating(r);
}

Value math_dist(Runtime& rt, const CallArgs& args) {
    reject_keywords(rt, args, "math.dist");
    expect_between(rt, args, "dist", 2, 2);
    const std::vector<Value> p = to_vector(rt, args[0]);
    const std::vector<Value> q = to_vector(rt, args[1]);
    if (p.size() != q.size()) {
        raise_error(rt, rt.types().ValueError,
                    "both points must have the same number of dimensions");
    }
    std::vector<double> differences;
    for (std::size_t i = 0; i < p.size(); ++i) {
        differences.push_back(to_double(rt, p[i]) - to_double(rt, q[i]));
    }
    return Value::floating(euclidean_norm(differences));
}

Value make_math_module(Runtime& rt) {
    Ref<ModuleObject> module = make_module(rt, "math");
    Attributes& dict = module->dict;
    dict.set("pi", Value::floating(std::numbers::pi));
    dict.set("e", Value::floating(std::numbers::e));
    dict.set("tau", Value::floating(2.0 * std::numbers::pi));
    dict.set("inf", Value::floating(std::numeric_limits<double>::infinity()));
    dict.set("nan", Value::floating(std::numeric_limits<double>::quiet_NaN()));
    auto add = [&](const char* name, NativeFunction function) {
        dict.set(name, make_native_function(rt, name, std::move(function)));
    };
    add("sqrt", unary<c_sqrt>("sqrt"));
    add("exp", unary<c_exp, true>("exp"));
    add("fabs", unary<c_fabs>("fabs"));
    add("sin", unary<c_sin>("sin"));
    add("cos", unary<c_cos>("cos"));
    add("tan", unary<c_tan>("tan"));
    add("asin", unary<c_asin>("asin"));
    add("acos", unary<c_acos>("acos"));
    add("atan", unary<c_atan>("atan"));
    add("sinh", unary<c_sinh, true>("sinh"));
    add("cosh", unary<c_cosh, true>("cosh"));
    add("tanh", unary<c_tanh>("tanh"));
    add("asinh", unary<c_asinh>("asinh"));
    add("acosh", unary<c_acosh>("acosh"));
    add("atanh", unary<c_atanh>("atanh"));
    add("expm1", unary<c_expm1, true>("expm1"));
    add("log1p", unary<c_log1p>("log1p"));
    add("exp2", unary<c_exp2, true>("exp2"));
    add("degrees", unary<c_degrees>("degrees"));
    add("radians", unary<c_radians>("radians"));
    add("floor", rounding<c_floor>("floor"));
    add("ceil", rounding<c_ceil>("ceil"));
    add("trunc", math_trunc);
    add("log", math_log);
    add("log2", log_function<c_log2>("log2"));
    add("log10", log_function<c_log10>("log10"));
    add("pow", math_pow);
    add("atan2", math_atan2);
    add("copysign", math_copysign);
    add("fmod", math_fmod);
    add("hypot", math_hypot);
    add("fsum", math_fsum);
    add("isclose", math_isclose);
    add("isfinite", classify<c_isfinite>("isfinite"));
    add("isinf", classify<c_isinf>("isinf"));
    add("isnan", classify<c_isnan>("isnan"));
    add("gcd", math_gcd);
    add("factorial", math_factorial);
    add("isqrt", math_isqrt);
    add("comb", math_comb);
    add("perm", math_perm);
    add("lcm", math_lcm);
    add("prod", math_prod);
    add("modf", math_modf);
    add("frexp", math_frexp);
    add("ldexp", math_ldexp);
    add("dist", math_dist);
    return Value(module);
}

}  // namespace

void register_math_module(Runtime& rt) {
    rt.register_native_module("math", make_math_module);
}

}  // namespace loopscope::script
