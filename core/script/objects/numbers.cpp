#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/format.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// int, bool and float: one set of arithmetic slots shared by the three types, so that mixed
// operations (1 + 2.5, True + 1) are handled by a single call.

namespace loopscope::script {

namespace {

[[noreturn]] void overflow(Runtime& rt) {
    raise_error(rt, rt.types().OverflowError, "integer overflow");
}

bool is_integral(const Value& v) {
    return v.is_int() || v.is_bool();
}

bool is_number(const Value& v) {
    return v.is_int() || v.is_bool() || v.is_float();
}

double as_double(const Value& v) {
    return v.is_float() ? v.as_float() : static_cast<double>(v.as_int());
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
    std::int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) {
        m += b;
    }
    return m;
}

// CPython's float_divmod: the floor quotient and the modulo with the divisor's sign.
void float_divmod(double vx, double wx, double& div, double& mod) {
    mod = std::fmod(vx, wx);
    div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    if (div != 0.0) {
        double floordiv = std::floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
        div = floordiv;
    } else {
        div = std::copysign(0.0, vx / wx);
    }
}

Value int_pow(Runtime& rt, std::int64_t base, std::int64_t exponent) {
    if (exponent < 0) {
        if (base == 0) {
            raise_error(rt, rt.types().ZeroDivisionError,
                        "0.0 cannot be raised to a negative power");
        }
        return Value::floating(std::pow(static_cast<double>(base), static_cast<double>(exponent)));
    }
    std::int64_t result = 1;
    std::int64_t b = base;
    std::int64_t e = exponent;
    while (e > 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, b, &result)) {
                overflow(rt);
            }
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(b, b, &b)) {
            overflow(rt);
        }
    }
    return Value::integer(result);
}

Value float_pow(Runtime& rt, double a, double b) {
    if (a == 0.0 && b < 0.0) {
        raise_error(rt, rt.types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
    }
    if (a < 0.0 && b != std::floor(b) && std::isfinite(b)) {
        raise_error(rt, rt.types().ValueError,
                    "negative number cannot be raised to a fractional power (complex results are "
                    "not supported in Loopscope)");
    }
    const double r = std::pow(a, b);
    if (std::isinf(r) && std::isfinite(a) && std::isfinite(b)) {
        raise_error(rt, rt.types().OverflowError, "(34, 'Numerical result out of range')");
    }
    return Value::floating(r);
}

template <int I>
Value number_binary(Runtime& rt, const Value& a, const Value& b) {
    constexpr auto op = static_cast<NumberOp>(I);
    if (!is_number(a) || !is_number(b)) {
        return rt.not_implemented();
    }
    if (is_integral(a) && is_integral(b)) {
        const std::int64_t x = a.as_int();
        const std::int64_t y = b.as_int();
        std::int64_t r = 0;
        switch (op) {
            case NumberOp::Add:
                if (__builtin_add_overflow(x, y, &r)) {
                    overflow(rt);
                }
                return Value::integer(r);
            case NumberOp::Sub:
                if (__builtin_sub_overflow(x, y, &r)) {
                    overflow(rt);
                }
                return Value::integer(r);
            case NumberOp::Mul:
                if (__builtin_mul_overflow(x, y, &r)) {
                    overflow(rt);
                }
                return Value::integer(r);
            case NumberOp::TrueDiv:
                if (y == 0) {
                    raise_error(rt, rt.types().ZeroDivisionError, "division by zero");
                }
                return Value::floating(static_cast<double>(x) / static_cast<double>(y));
            case NumberOp::FloorDiv:
                if (y == 0) {
                    raise_error(rt, rt.types().ZeroDivisionError,
                                "integer division or modulo by zero");
                }
                if (x == INT64_MIN && y == -1) {
                    overflow(rt);
                }
                return Value::integer(floor_div(x, y));
            case NumberOp::Mod:
                if (y == 0) {
                    raise_error(rt, rt.types().ZeroDivisionError, "integer modulo by zero");
                }
                if (y == -1) {
                    return Value::integer(0);
                }
                return Value::integer(floor_mod(x, y));
            case NumberOp::Pow:
                return int_pow(rt, x, y);
            case NumberOp::LShift:
                if (y < 0) {
                    raise_error(rt, rt.types().ValueError, "negative shift count");
                }
                if (x == 0) {
                    return Value::integer(0);
                }
                if (y >= 63 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y))) {
                    overflow(rt);
                }
                return Value::integer(
                    static_cast<std::int64_t>(static_cast<std::uint64_t>(x) << y));
            case NumberOp::RShift:
                if (y < 0) {
                    raise_error(rt, rt.types().ValueError, "negative shift count");
                }
                return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
            case NumberOp::And:
                return a.is_bool() && b.is_bool() ? Value::boolean((x & y) != 0)
                                                  : Value::integer(x & y);
            case NumberOp::Or:
                return a.is_bool() && b.is_bool() ? Value::boolean((x | y) != 0)
                                                  : Value::integer(x | y);
            case NumberOp::Xor:
                return a.is_bool() && b.is_bool() ? Value::boolean((x ^ y) != 0)
                                                  : Value::integer(x ^ y);
            default:
                return rt.not_implemented();
        }
    }
    const double x = as_double(a);
    const double y = as_double(b);
    switch (op) {
        case NumberOp::Add:
            return Value::floating(x + y);
        case NumberOp::Sub:
            return Value::floating(x - y);
        case NumberOp::Mul:
            return Value::floating(x * y);
        case NumberOp::TrueDiv:
            if (y == 0.0) {
                raise_error(rt, rt.types().ZeroDivisionError, "float division by zero");
            }
            return Value::floating(x / y);
        case NumberOp::FloorDiv: {
            if (y == 0.0) {
                raise_error(rt, rt.types().ZeroDivisionError, "float floor division by zero");
            }
            double div, mod;
            float_divmod(x, y, div, mod);
            return Value::floating(div);
        }
        case NumberOp::Mod: {
            if (y == 0.0) {
                raise_error(rt, rt.types().ZeroDivisionError, "float modulo");
            }
            double div, mod;
            float_divmod(x, y, div, mod);
            return Value::floating(mod);
        }
        case NumberOp::Pow:
            return float_pow(rt, x, y);
        default:
            return rt.not_implemented();
    }
}

template <int... I>
constexpr auto number_slots(std::integer_sequence<int, I...>) {
    return std::array<Value (*)(Runtime&, const Value&, const Value&), sizeof...(I)>{
        &number_binary<I>...};
}

Value number_compare(Runtime& rt, const Value& a, const Value& b, CompareOp op) {
    if (!is_number(a) || !is_number(b)) {
        return rt.not_implemented();
    }
    if (is_integral(a) && is_integral(b)) {
        const std::int64_t x = a.as_int(), y = b.as_int();
        switch (op) {
            case CompareOp::Lt:
                return Value::boolean(x < y);
            case CompareOp::Le:
                return Value::boolean(x <= y);
            case CompareOp::Eq:
                return Value::boolean(x == y);
            case CompareOp::Ne:
                return Value::boolean(x != y);
            case CompareOp::Gt:
                return Value::boolean(x > y);
            case CompareOp::Ge:
                return Value::boolean(x >= y);
        }
    }
    const double x = as_double(a), y = as_double(b);
    switch (op) {
        case CompareOp::Lt:
            return Value::boolean(x < y);
        case CompareOp::Le:
            return Value::boolean(x <= y);
        case CompareOp::Eq:
            return Value::boolean(x == y);
        case CompareOp::Ne:
            return Value::boolean(x != y);
        case CompareOp::Gt:
            return Value::boolean(x > y);
        case CompareOp::Ge:
            return Value::boolean(x >= y);
    }
    return rt.not_implemented();
}

std::string strip_spaces(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) {
        ++b;
    }
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) {
        --e;
    }
    return std::string(s.substr(b, e - b));
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

}  // namespace

// int(text, base) with Python's syntax: sign, optional prefix, underscores between digits.
Value parse_int(Runtime& rt, std::string_view original, std::int64_t base) {
    auto fail = [&]() -> Value {
        raise_error(rt, rt.types().ValueError,
                    "invalid literal for int() with base " + std::to_string(base) + ": " +
                        str_repr(original));
    };
    std::string s = strip_spaces(original);
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        ++i;
    }
    std::int64_t b = base;
    if (i + 1 < s.size() && s[i] == '0') {
        const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1])));
        const int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefix_base && (b == 0 || b == prefix_base)) {
            b = prefix_base;
            i += 2;
            if (i < s.size() && s[i] == '_') {
                ++i;
            }
        }
    }
    if (b == 0) {
        b = 10;
        // Base 0 rejects leading zeros in non-zero decimals ("010").
        if (i + 1 < s.size() && s[i] == '0') {
            for (std::size_t k = i; k < s.size(); ++k) {
                if (s[k] != '0' && s[k] != '_') {
                    fail();
                }
            }
        }
    }
    if (i >= s.size()) {
        fail();
    }
    std::uint64_t magnitude = 0;
    bool previous_underscore = true;
    bool too_big = false;
    for (; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (previous_underscore) {
                fail();
            }
            previous_underscore = true;
            continue;
        }
        const int d = digit_value(s[i]);
        if (d >= b) {
            fail();
        }
        previous_underscore = false;
        if (magnitude >
            (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) /
                static_cast<std::uint64_t>(b)) {
            too_big = true;
        }
        magnitude = magnitude * static_cast<std::uint64_t>(b) + static_cast<std::uint64_t>(d);
    }
    if (previous_underscore) {
        fail();
    }
    const std::uint64_t limit = negative ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 63) - 1;
    if (too_big || magnitude > limit) {
        overflow(rt);
    }
    return Value::integer(negative ? static_cast<std::int64_t>(0 - magnitude)
                                   : static_cast<std::int64_t>(magnitude));
}

Value parse_float(Runtime& rt, std::string_view original) {
    std::string s = strip_spaces(original);
    std::string lowered;
    for (char c : s) {
        lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string_view body = lowered;
    double sign = 1.0;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sign = body[0] == '-' ? -1.0 : 1.0;
        body.remove_prefix(1);
    }
    if (body == "inf" || body == "infinity") {
        return Value::floating(sign * std::numeric_limits<double>::infinity());
    }
    if (body == "nan") {
        return Value::floating(std::copysign(std::numeric_limits<double>::quiet_NaN(), sign));
    }
    // Underscores are allowed between digits only.
    std::string cleaned;
    bool ok = !s.empty();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 >= s.size() ||
                !std::isdigit(static_cast<unsigned char>(s[i - 1])) ||
                !std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
                ok = false;
            }
            continue;
        }
        const char c = s[i];
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' ||
              c == '+' || c == '-')) {
            ok = false;
        }
        cleaned += c;
    }
    if (ok) {
        char* end = nullptr;
        errno = 0;
        const double d = std::strtod(cleaned.c_str(), &end);
        if (end && *end == '\0' && end != cleaned.c_str()) {
            return Value::floating(d);
        }
    }
    raise_error(rt, rt.types().ValueError,
                "could not convert string to float: " + str_repr(original));
}

std::int64_t float_to_int(Runtime& rt, double d) {
    if (std::isinf(d)) {
        raise_error(rt, rt.types().OverflowError, "cannot convert float infinity to integer");
    }
    if (std::isnan(d)) {
        raise_error(rt, rt.types().ValueError, "cannot convert float NaN to integer");
    }
    const double t = std::trunc(d);
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) {
        overflow(rt);
    }
    return static_cast<std::int64_t>(t);
}

namespace {

Value int_construct(Runtime& rt, TypeObject&, const CallArgs& args) {
    auto values = parse_arguments(rt, args, Signature{"int", {"x", "base"}, 0, 1});
    if (!values[0]) {
        if (values[1]) {
            raise_error(rt, rt.types().TypeError, "int() missing string argument");
        }
        return Value::integer(0);
    }
    const Value& x = *values[0];
    if (values[1]) {
        const std::int64_t base = to_index(rt, *values[1]);
        if (base != 0 && (base < 2 || base > 36)) {
            raise_error(rt, rt.types().ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        if (!is_str(rt, x)) {
            raise_error(rt, rt.types().TypeError,
                        "int() can't convert non-string with explicit base");
        }
        return parse_int(rt, str_view(x), base);
    }
    if (x.is_int() || x.is_bool()) {
        return Value::integer(x.as_int());
    }
    if (x.is_float()) {
        return Value::integer(float_to_int(rt, x.as_float()));
    }
    if (is_str(rt, x)) {
        return parse_int(rt, str_view(x), 10);
    }
    Value r;
    if (x.is_object() &&
        (call_special(rt, x, "__int__", {}, r) || call_special(rt, x, "__index__", {}, r))) {
        if (!is_integral(r)) {
            raise_error(rt, rt.types().TypeError,
                        "__int__ returned non-int (type " + std::string(type_name(rt, r)) + ")");
        }
        return Value::integer(r.as_int());
    }
    raise_error(rt, rt.types().TypeError,
                "int() argument must be a string, a bytes-like object or a real number, not '" +
                    std::string(type_name(rt, x)) + "'");
}

Value float_construct(Runtime& rt, TypeObject&, const CallArgs& args) {
    reject_keywords(rt, args, "float");
    expect_between(rt, args, "float", 0, 1);
    if (args.size() == 0) {
        return Value::floating(0.0);
    }
    const Value& x = args[0];
    if (is_number(x)) {
        return Value::floating(as_double(x));
    }
    if (is_str(rt, x)) {
        return parse_float(rt, str_view(x));
    }
    Value r;
    if (x.is_object() && call_special(rt, x, "__float__", {}, r)) {
        if (!r.is_float()) {
            raise_error(rt, rt.types().TypeError,
                        type_of(rt, x).name + ".__float__ returned non-float (type " +
                            std::string(type_name(rt, r)) + ")");
        }
        return r;
    }
    if (x.is_object() && call_special(rt, x, "__index__", {}, r) && is_integral(r)) {
        return Value::floating(static_cast<double>(r.as_int()));
    }
    raise_error(rt, rt.types().TypeError,
                "float() argument must be a string or a real number, not '" +
                    std::string(type_name(rt, x)) + "'");
}

Value bool_construct(Runtime& rt, TypeObject&, const CallArgs& args) {
    reject_keywords(rt, args, "bool");
    expect_between(rt, args, "bool", 0, 1);
    return Value::boolean(args.size() == 1 && truthy(rt, args[0]));
}

Value self_value(const CallArgs& args) {
    return args[0];
}

}  // namespace

void install_numbers(Runtime& rt) {
    BuiltinTypes& t = rt.types();
    static constexpr auto slots = number_slots(std::make_integer_sequence<int, 13>{});
    for (TypeObject* type : {t.int_.get(), t.bool_.get(), t.float_.get()}) {
        TypeSlots& s = type->slots;
        for (std::size_t i = 0; i < slots.size(); ++i) {
            s.number[i] = slots[i];
        }
        s.compare = number_compare;
        s.hash = [](Runtime&, const Value& self) {
            return self.is_float() ? hash_double(self.as_float()) : hash_int(self.as_int());
        };
    }
    t.int_->slots.repr = [](Runtime&, const Value& self) { return int_repr(self.as_int()); };
    t.int_->slots.construct = int_construct;
    t.bool_->slots.repr = [](Runtime&, const Value& self) {
        return std::string(self.as_int() ? "True" : "False");
    };
    t.bool_->slots.construct = bool_construct;
    t.bool_->is_final = true;
    t.float_->slots.repr = [](Runtime&, const Value& self) { return float_repr(self.as_float()); };
    t.float_->slots.construct = float_construct;
    rt.builtins().set("int", t.int_.value());
    rt.builtins().set("bool", t.bool_.value());
    rt.builtins().set("float", t.float_.value());

    TypeObject& i = t.int_;
    define_method(rt, i, "bit_length", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "int.bit_length", 1);
        std::int64_t v = args[0].as_int();
        std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
        std::int64_t bits = 0;
        while (m) {
            ++bits;
            m >>= 1;
        }
        return Value::integer(bits);
    });
    define_method(rt, i, "bit_count", [](Runtime&, const CallArgs& args) {
        std::int64_t v = args[0].as_int();
        std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
        return Value::integer(__builtin_popcountll(m));
    });
    define_method(rt, i, "conjugate",
                  [](Runtime&, const CallArgs& args) { return Value::integer(args[0].as_int()); });
    define_method(rt, i, "is_integer",
                  [](Runtime&, const CallArgs&) { return Value::boolean(true); });
    define_method(rt, i, "__index__",
                  [](Runtime&, const CallArgs& args) { return Value::integer(args[0].as_int()); });
    define_property(rt, i, "real",
                    [](Runtime&, const Value& self) { return Value::integer(self.as_int()); });
    define_property(rt, i, "imag", [](Runtime&, const Value&) { return Value::integer(0); });
    define_property(rt, i, "numerator",
                    [](Runtime&, const Value& self) { return Value::integer(self.as_int()); });
    define_property(rt, i, "denominator", [](Runtime&, const Value&) { return Value::integer(1); });

    TypeObject& f = t.float_;
    define_method(rt, f, "is_integer", [](Runtime&, const CallArgs& args) {
        const double d = args[0].as_float();
        return Value::boolean(std::isfinite(d) && d == std::floor(d));
    });
    define_method(rt, f, "conjugate",
                  [](Runtime&, const CallArgs& args) { return self_value(args); });
    define_method(rt, f, "as_integer_ratio", [](Runtime& r, const CallArgs& args) {
        double d = args[0].as_float();
        if (std::isinf(d)) {
            raise_error(r, r.types().OverflowError, "cannot convert Infinity to integer ratio");
        }
        if (std::isnan(d)) {
            raise_error(r, r.types().ValueError, "cannot convert NaN to integer ratio");
        }
        std::int64_t denominator = 1;
        while (d != std::floor(d) && denominator < (std::int64_t{1} << 52)) {
            d *= 2.0;
            denominator *= 2;
        }
        return make_tuple(r, {Value::integer(float_to_int(r, d)), Value::integer(denominator)});
    });
    define_property(rt, f, "real", [](Runtime&, const Value& self) { return self; });
    define_property(rt, f, "imag", [](Runtime&, const Value&) { return Value::floating(0.0); });
}

}  // namespace loopscope::script
