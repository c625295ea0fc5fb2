#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/format.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/list.h"
#include "core/script/objects/module.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/set.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

// The builtin functions (print lives in io.cpp; the builtin types register themselves).

namespace loopscope::script {

Value builtin_print(Runtime& rt, const CallArgs& args);

namespace {

// 128-bit intermediates for modular pow (a GCC extension, hence __extension__).
__extension__ using Wide = __int128;

void define(Runtime& rt, const char* name, NativeFunction f) {
    rt.builtins().set(name, make_native_function(rt, name, std::move(f)));
}

Value round_value(Runtime& rt, const CallArgs& args) {
    auto values = parse_arguments(rt, args, Signature{"round", {"number", "ndigits"}, 1});
    const Value& x = *values[0];
    const bool has_digits = values[1] && !values[1]->is_none();
    const std::int64_t ndigits = has_digits ? to_index(rt, *values[1]) : 0;
    if (x.is_int() || x.is_bool()) {
        if (!has_digits || ndigits >= 0) {
            return Value::integer(x.as_int());
        }
        if (ndigits < -18) {
            return Value::integer(0);
        }
        std::int64_t pow10 = 1;
        for (std::int64_t i = 0; i < -ndigits; ++i) {
            pow10 *= 10;
        }
        const std::int64_t v = x.as_int();
        std::int64_t q = v / pow10;
        std::int64_t r = v % pow10;
        if (r < 0) {
            r += pow10;
            --q;
        }
        // Half to even.
        if (2 * r > pow10 || (2 * r == pow10 && (q & 1))) {
            ++q;
        }
        return Value::integer(q * pow10);
    }
    if (x.is_float()) {
        const double d = x.as_float();
        if (!has_digits) {
            return Value::integer(float_to_int(rt, std::nearbyint(d)));
        }
        if (!std::isfinite(d) || d == 0.0 || ndigits > 308) {
            return x;
        }
        if (ndigits >= 0) {
            // Correctly rounded, as CPython: the shortest decimal at that precision.
            char buffer[400];
            auto result = std::to_chars(buffer, buffer + sizeof buffer - 1, d,
                                        std::chars_format::fixed, static_cast<int>(ndigits));
            *result.ptr = '\0';
            return Value::floating(std::strtod(buffer, nullptr));
        }
        const double pow10 = std::pow(10.0, static_cast<double>(-ndigits));
        const double y = std::nearbyint(d / pow10) * pow10;
        return Value::floating(y);
    }
    Value result;
    if (x.is_object() && (has_digits ? call_special(rt, x, "__round__", {*values[1]}, result)
                                     : call_special(rt, x, "__round__", {}, result))) {
        return result;
    }
    raise_error(rt, rt.types().TypeError,
                "type " + std::string(type_name(rt, x)) + " doesn't define __round__ method");
}

Value sum_values(Runtime& rt, const CallArgs& args) {
    auto values = parse_arguments(rt, args, Signature{"sum", {"iterable", "start"}, 1, 1});
    Value start = values[1].value_or(Value::integer(0));
    if (is_str(rt, start)) {
        raise_error(rt, rt.types().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    Value it = get_iter(rt, *values[0]);
    Value item;
    // Ints, then floats with Neumaier compensation (CPython 3.12), then the generic `+`.
    if (start.is_int() || start.is_bool()) {
        std::int64_t total = start.as_int();
        bool pending = false;
        while (iter_next(rt, it, item)) {
            if (!(item.is_int() || item.is_bool())) {
                pending = true;
                break;
            }
            if (__builtin_add_overflow(total, item.as_int(), &total)) {
                raise_error(rt, rt.types().OverflowError, "integer overflow");
            }
        }
        start = Value::integer(total);
        if (!pending) {
            return start;
        }
    } else if (!iter_next(rt, it, item)) {
        return start;
    }
    // `item` is pending here.
    if (start.is_float() || ((start.is_int() || start.is_bool()) && item.is_float())) {
        double total = start.is_float() ? start.as_float() : static_cast<double>(start.as_int());
        double compensation = 0.0;
        bool pending = true;
        while (pending) {
            if (item.is_float() || item.is_int() || item.is_bool()) {
                const double x =
                    item.is_float() ? item.as_float() : static_cast<double>(item.as_int());
                const double t = total + x;
                if (std::fabs(total) >= std::fabs(x)) {
                    compensation += (total - t) + x;
                } else {
                    compensation += (x - t) + total;
                }
                total = t;
                pending = iter_next(rt, it, item);
                continue;
            }
            break;
        }
        if (compensation != 0.0 && std::isfinite(compensation)) {
            total += compensation;
        }
        start = Value::floating(total);
        if (!pending) {
            return start;
        }
    }
    Value total = binary_op(rt, NumberOp::Add, start, item);
    while (iter_next(rt, it, item)) {
        total = binary_op(rt, NumberOp::Add, total, item);
    }
    return total;
}

Value min_max(Runtime& rt, const CallArgs& args, bool is_max) {
    const char* name = is_max ? "max" : "min";
    Value key, default_value;
    bool has_default = false;
    for (std::size_t i = 0; i < args.keyword_names.size(); ++i) {
        if (args.keyword_names[i] == "key") {
            key = args.keyword_values[i];
        } else if (args.keyword_names[i] == "default") {
            default_value = args.keyword_values[i];
            has_default = true;
        } else {
            raise_error(rt, rt.types().TypeError,
                        std::string(name) + "() got an unexpected keyword argument '" +
                            std::string(args.keyword_names[i]) + "'");
        }
    }
    if (args.size() == 0) {
        raise_error(rt, rt.types().TypeError,
                    std::string(name) + " expected at least 1 argument, got 0");
    }
    if (args.size() > 1 && has_default) {
        raise_error(rt, rt.types().TypeError,
                    std::string("Cannot specify a default for ") + name +
                        "() with multiple positional arguments");
    }
    std::vector<Value> items =
        args.size() == 1 ? to_vector(rt, args[0])
                         : std::vector<Value>(args.positional.begin(), args.positional.end());
    if (items.empty()) {
        if (has_default) {
            return default_value;
        }
        raise_error(rt, rt.types().ValueError, std::string(name) + "() iterable argument is empty");
    }
    Value best = items[0];
    Value best_key = key.is_none() ? best : call(rt, key, {best});
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value k = key.is_none() ? items[i] : call(rt, key, {items[i]});
        if (compare_bool(rt, k, best_key, is_max ? CompareOp::Gt : CompareOp::Lt)) {
            best = items[i];
            best_key = k;
        }
    }
    return best;
}

bool isinstance_of(Runtime& rt, const Value& obj, const Value& classinfo, const char* fn) {
    if (TypeObject* type = as_type(rt, classinfo)) {
        return is_instance(rt, obj, *type);
    }
    if (is_union(rt, classinfo)) {
        for (const Value& member : union_members(classinfo)) {
            if (member.is_none() ? obj.is_none() : isinstance_of(rt, obj, member, fn)) {
                return true;
            }
        }
        return false;
    }
    if (is_tuple(rt, classinfo)) {
        for (const Value& c : tuple_items(classinfo)) {
            if (isinstance_of(rt, obj, c, fn)) {
                return true;
            }
        }
        return false;
    }
    raise_error(rt, rt.types().TypeError,
                std::string(fn) + "() arg 2 must be a type, a tuple of types, or a union");
}

bool issubclass_of(Runtime& rt, TypeObject& cls, const Value& classinfo) {
    if (TypeObject* type = as_type(rt, classinfo)) {
        return cls.is_subtype_of(*type);
    }
    if (is_union(rt, classinfo)) {
        for (const Value& member : union_members(classinfo)) {
            if (member.is_none() ? &cls == rt.types().NoneType.get()
                                 : issubclass_of(rt, cls, member)) {
                return true;
            }
        }
        return false;
    }
    if (is_tuple(rt, classinfo)) {
        for (const Value& c : tuple_items(classinfo)) {
            if (issubclass_of(rt, cls, c)) {
                return true;
            }
        }
        return false;
    }
    raise_error(rt, rt.types().TypeError,
                "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

std::string_view attribute_name(Runtime& rt, const Value& v) {
    if (!is_str(rt, v)) {
        raise_error(rt, rt.types().TypeError,
                    "attribute name must be string, not '" + std::string(type_name(rt, v)) + "'");
    }
    return str_view(v);
}

[[noreturn]] Value not_available(Runtime& rt, const std::string& what, const std::string& why) {
    raise_error(rt, rt.types().NotImplementedError,
                what + " is not available in Loopscope scripts (" + why + ")");
}

std::string int_in_base(Runtime& rt, const Value& v, char code) {
    const std::int64_t n = to_index(rt, v);
    return format_value(rt, Value::integer(n), std::string("#") + code);
}

}  // namespace

void install_builtin_functions(Runtime& rt) {
    define(rt, "print", builtin_print);
    define(rt, "len", [](Runtime& r, const CallArgs& args) {
        reject_keywords(r, args, "len");
        expect_exactly(r, args, "len", 1);
        return Value::integer(length(r, args[0]));
    });
    define(rt, "repr", [](Runtime& r, const CallArgs& args) {
        reject_keywords(r, args, "repr");
        expect_exactly(r, args, "repr", 1);
        return make_str(r, repr(r, args[0]));
    });
    define(rt, "ascii", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "ascii", 1);
        std::string text = repr(r, args[0]);
        std::string out;
        for (std::size_t i = 0; i < text.size();) {
            const std::uint32_t cp = decode_utf8(text, i);
            if (cp < 0x80) {
                out += static_cast<char>(cp);
            } else {
                char buffer[16];
                std::snprintf(buffer, sizeof buffer,
                              cp < 0x100     ? "\\x%02x"
                              : cp < 0x10000 ? "\\u%04x"
                                             : "\\U%08x",
                              cp);
                out += buffer;
            }
        }
        return make_str(r, std::move(out));
    });
    define(rt, "abs", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "abs", 1);
        return absolute(r, args[0]);
    });
    define(rt, "round", round_value);
    define(rt, "divmod", [](Runtime& r, const CallArgs& args) {
        reject_keywords(r, args, "divmod");
        expect_exactly(r, args, "divmod", 2);
        const Value& a = args[0];
        const Value& b = args[1];
        if ((a.is_float() || b.is_float()) && (a.is_float() || a.is_int() || a.is_bool()) &&
            (b.is_float() || b.is_int() || b.is_bool()) && to_double(r, b) == 0.0) {
            raise_error(r, r.types().ZeroDivisionError, "float divmod()");
        }
        Value q = binary_op(r, NumberOp::FloorDiv, a, b);
        Value m = binary_op(r, NumberOp::Mod, a, b);
        return make_tuple(r, {q, m});
    });
    define(rt, "pow", [](Runtime& r, const CallArgs& args) {
        auto values = parse_arguments(r, args, Signature{"pow", {"base", "exp", "mod"}, 2});
        if (!values[2] || values[2]->is_none()) {
            return binary_op(r, NumberOp::Pow, *values[0], *values[1]);
        }
        std::int64_t base = to_index(r, *values[0]);
        std::int64_t exponent = to_index(r, *values[1]);
        const std::int64_t mod = to_index(r, *values[2]);
        if (mod == 0) {
            raise_error(r, r.types().ValueError, "pow() 3rd argument cannot be 0");
        }
        const auto m = static_cast<Wide>(mod < 0 ? -mod : mod);
        Wide b = base % m;
        if (b < 0) {
            b += m;
        }
        if (exponent < 0) {
            // Modular inverse by the extended Euclidean algorithm.
            Wide t = 0, new_t = 1, rr = m, new_r = b;
            while (new_r != 0) {
                const Wide q = rr / new_r;
                const Wide tmp_t = t - q * new_t;
                t = new_t;
                new_t = tmp_t;
                const Wide tmp_r = rr - q * new_r;
                rr = new_r;
                new_r = tmp_r;
            }
            if (rr != 1) {
                raise_error(r, r.types().ValueError,
                            "base is not invertible for the given modulus");
            }
            b = t < 0 ? t + m : t;
            exponent = -exponent;
        }
        Wide result = 1 % m;
        while (exponent > 0) {
            if (exponent & 1) {
                result = result * b % m;
            }
            b = b * b % m;
            exponent >>= 1;
        }
        if (mod < 0 && result != 0) {
            result -= m;
        }
        return Value::integer(static_cast<std::int64_t>(result));
    });
    define(rt, "sum", sum_values);
    define(rt, "min", [](Runtime& r, const CallArgs& args) { return min_max(r, args, false); });
    define(rt, "max", [](Runtime& r, const CallArgs& args) { return min_max(r, args, true); });
    define(rt, "sorted", [](Runtime& r, const CallArgs& args) {
        if (args.size() != 1) {
            raise_error(r, r.types().TypeError,
                        "sorted expected 1 argument, got " + std::to_string(args.size()));
        }
        CallArgs keywords = args;
        keywords.positional = {};
        auto values = parse_arguments(r, keywords, Signature{"sort", {"key", "reverse"}, 0, 0, 0});
        std::vector<Value> items = to_vector(r, args[0]);
        sort_values(r, items, values[0].value_or(Value()), values[1] && truthy(r, *values[1]));
        return make_list(r, std::move(items));
    });
    define(rt, "any", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "any", 1);
        bool found = false;
        for_each_item(r, args[0], [&](const Value& v) {
            found = truthy(r, v);
            return !found;
        });
        return Value::boolean(found);
    });
    define(rt, "all", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "all", 1);
        bool ok = true;
        for_each_item(r, args[0], [&](const Value& v) {
            ok = truthy(r, v);
            return ok;
        });
        return Value::boolean(ok);
    });
    define(rt, "isinstance", [](Runtime& r, const CallArgs& args) {
        reject_keywords(r, args, "isinstance");
        expect_exactly(r, args, "isinstance", 2);
        return Value::boolean(isinstance_of(r, args[0], args[1], "isinstance"));
    });
    define(rt, "issubclass", [](Runtime& r, const CallArgs& args) {
        reject_keywords(r, args, "issubclass");
        expect_exactly(r, args, "issubclass", 2);
        TypeObject* cls = as_type(r, args[0]);
        if (!cls) {
            raise_error(r, r.types().TypeError, "issubclass() arg 1 must be a class");
        }
        return Value::boolean(issubclass_of(r, *cls, args[1]));
    });
    define(rt, "hasattr", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "hasattr", 2);
        Value out;
        return Value::boolean(lookup_attr(r, args[0], attribute_name(r, args[1]), out));
    });
    define(rt, "getattr", [](Runtime& r, const CallArgs& args) {
        expect_between(r, args, "getattr", 2, 3);
        const std::string_view name = attribute_name(r, args[1]);
        if (args.size() == 3) {
            Value out;
            return lookup_attr(r, args[0], name, out) ? out : args[2];
        }
        return get_attr(r, args[0], name);
    });
    define(rt, "setattr", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "setattr", 3);
        set_attr(r, args[0], attribute_name(r, args[1]), args[2]);
        return Value();
    });
    define(rt, "delattr", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "delattr", 2);
        del_attr(r, args[0], attribute_name(r, args[1]));
        return Value();
    });
    define(rt, "id", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "id", 1);
        const Value& v = args[0];
        if (v.is_object()) {
            return Value::integer(
                static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.as_object())));
        }
        // Inline values have no address: a stable number per value.
        return Value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(v.tag()) << 56) ^
                              hash(r, v));
    });
    define(rt, "hash", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "hash", 1);
        return Value::integer(hash(r, args[0]));
    });
    define(rt, "iter", [](Runtime& r, const CallArgs& args) {
        expect_between(r, args, "iter", 1, 2);
        if (args.size() == 2) {
            if (!is_callable(r, args[0])) {
                raise_error(r, r.types().TypeError,
                            "iter(object, sentinel): object must be callable");
            }
            return make_callable_iterator(r, args[0], args[1]);
        }
        return get_iter(r, args[0]);
    });
    define(rt, "next", [](Runtime& r, const CallArgs& args) {
        expect_between(r, args, "next", 1, 2);
        Value out;
        if (!type_of(r, args[0]).slots.next) {
            raise_error(r, r.types().TypeError,
                        "'" + std::string(type_name(r, args[0])) + "' object is not an iterator");
        }
        if (iter_next(r, args[0], out)) {
            return out;
        }
        if (args.size() == 2) {
            return args[1];
        }
        raise_value(make_exception(r, r.types().StopIteration, std::vector<Value>{}));
    });
    define(rt, "callable", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "callable", 1);
        return Value::boolean(is_callable(r, args[0]));
    });
    define(rt, "chr", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "chr", 1);
        const std::int64_t cp = to_index(r, args[0]);
        if (cp < 0 || cp > 0x10FFFF) {
            raise_error(r, r.types().ValueError, "chr() arg not in range(0x110000)");
        }
        std::string out;
        append_utf8(out, static_cast<std::uint32_t>(cp));
        return make_str(r, std::move(out));
    });
    define(rt, "ord", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "ord", 1);
        if (!is_str(r, args[0])) {
            raise_error(r, r.types().TypeError,
                        "ord() expected string of length 1, but " +
                            std::string(type_name(r, args[0])) + " found");
        }
        auto* s = args[0].as<StrObject>();
        if (s->code_points() != 1) {
            raise_error(r, r.types().TypeError,
                        "ord() expected a character, but string of length " +
                            std::to_string(s->code_points()) + " found");
        }
        std::size_t i = 0;
        return Value::integer(decode_utf8(s->text, i));
    });
    define(rt, "format", [](Runtime& r, const CallArgs& args) {
        expect_between(r, args, "format", 1, 2);
        const std::string_view spec =
            args.size() == 2 ? expect_str(r, args[1], "format() argument 2") : "";
        return make_str(r, format(r, args[0], spec));
    });
    define(rt, "bin", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "bin", 1);
        return make_str(r, int_in_base(r, args[0], 'b'));
    });
    define(rt, "oct", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "oct", 1);
        return make_str(r, int_in_base(r, args[0], 'o'));
    });
    define(rt, "hex", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "hex", 1);
        return make_str(r, int_in_base(r, args[0], 'x'));
    });
    define(rt, "vars", [](Runtime& r, const CallArgs& args) {
        if (args.size() != 1) {
            raise_error(r, r.types().TypeError,
                        "vars() without arguments is not supported in Loopscope");
        }
        Value d;
        if (!lookup_attr(r, args[0], "__dict__", d)) {
            raise_error(r, r.types().TypeError, "vars() argument must have __dict__ attribute");
        }
        return d;
    });
    define(rt, "dir", [](Runtime& r, const CallArgs& args) {
        expect_exactly(r, args, "dir", 1);
        std::vector<std::string> names;
        auto add = [&](const Attributes& attrs) {
            attrs.for_each([&](const std::string& n, const Value&) { names.push_back(n); });
        };
        const Value& obj = args[0];
        if (is_module(r, obj)) {
            add(obj.as<ModuleObject>()->dict);
        } else {
            TypeObject* cls = as_type(r, obj);
            TypeObject& t = cls ? *cls : type_of(r, obj);
            if (!cls && t.has_instance_dict) {
                add(instance_attributes(obj));
            }
            for (TypeObject* base : t.mro) {
                add(base->dict);
            }
        }
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        std::vector<Value> items;
        for (const std::string& n : names) {
            items.push_back(make_str(r, n));
        }
        return make_list(r, std::move(items));
    });
    define(rt, "input", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "input()", "no keyboard input");
    });
    define(rt, "open", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "open()", "no file access");
    });
    define(rt, "exec", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "exec()", "no dynamic code");
    });
    define(rt, "eval", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "eval()", "no dynamic code");
    });
    define(rt, "compile", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "compile()", "no dynamic code");
    });
    define(rt, "__import__", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "__import__()", "use the import statement");
    });
    define(rt, "breakpoint", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "breakpoint()", "no debugger");
    });
    define(rt, "help", [](Runtime& r, const CallArgs&) -> Value {
        not_available(r, "help()", "no interactive help");
    });
}

}  // namespace loopscope::script
