#include <array>

#include "core/script/objects/builtin_installers.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/runtime.h"
#include "core/script/objects/str.h"
#include "core/script/objects/type_object.h"

// Builtin types expose their C++ slots as dunder methods (CPython's slot wrappers), so that
// `[].__len__()`, `d.__setitem__(k, v)` and `int.__add__(1, 2)` work.

namespace loopscope::script {

namespace {

void wrap(Runtime& rt, TypeObject& type, const char* name, NativeFunction f) {
    if (!type.dict.contains(name)) {
        define_method(rt, type, name, std::move(f));
    }
}

void check_count(Runtime& rt, const CallArgs& args, std::size_t count) {
    if (args.size() != count + 1) {
        raise_error(rt, rt.types().TypeError,
                    "expected " + std::to_string(count) + " argument" + (count == 1 ? "" : "s") +
                        ", got " + std::to_string(args.size() - 1));
    }
}

constexpr std::array<const char*, 13> kBinary = {
    "__add__", "__sub__",    "__mul__",    "__matmul__", "__truediv__", "__floordiv__", "__mod__",
    "__pow__", "__lshift__", "__rshift__", "__and__",    "__or__",      "__xor__"};
constexpr std::array<const char*, 13> kReflected = {
    "__radd__",      "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__",
    "__rfloordiv__", "__rmod__", "__rpow__", "__rlshift__", "__rrshift__",
    "__rand__",      "__ror__",  "__rxor__"};
constexpr std::array<const char*, 6> kCompare = {"__lt__", "__le__", "__eq__",
                                                 "__ne__", "__gt__", "__ge__"};

void wrap_type(Runtime& rt, TypeObject& type) {
    const TypeSlots s = type.slots;
    if (s.repr) {
        auto f = s.repr;
        wrap(rt, type, "__repr__",
             [f](Runtime& r, const CallArgs& args) { return make_str(r, f(r, args[0])); });
    }
    if (s.str) {
        auto f = s.str;
        wrap(rt, type, "__str__",
             [f](Runtime& r, const CallArgs& args) { return make_str(r, f(r, args[0])); });
    }
    if (s.hash) {
        auto f = s.hash;
        wrap(rt, type, "__hash__",
             [f](Runtime& r, const CallArgs& args) { return Value::integer(f(r, args[0])); });
    } else if (!type.dict.contains("__hash__")) {
        type.dict.set("__hash__", Value());
    }
    if (s.compare) {
        auto f = s.compare;
        for (std::size_t i = 0; i < kCompare.size(); ++i) {
            const auto op = static_cast<CompareOp>(i);
            wrap(rt, type, kCompare[i], [f, op](Runtime& r, const CallArgs& args) {
                check_count(r, args, 1);
                return f(r, args[0], args[1], op);
            });
        }
    }
    for (std::size_t i = 0; i < kBinary.size(); ++i) {
        if (auto f = s.number[i]) {
            wrap(rt, type, kBinary[i], [f](Runtime& r, const CallArgs& args) {
                if (args.size() != 2) {
                    raise_error(r, r.types().TypeError,
                                "expected 1 argument, got " + std::to_string(args.size() - 1));
                }
                return f(r, args[0], args[1]);
            });
            wrap(rt, type, kReflected[i], [f](Runtime& r, const CallArgs& args) {
                if (args.size() != 2) {
                    raise_error(r, r.types().TypeError,
                                "expected 1 argument, got " + std::to_string(args.size() - 1));
                }
                return f(r, args[1], args[0]);
            });
        }
    }
    if (s.negative) {
        auto f = s.negative;
        wrap(rt, type, "__neg__", [f](Runtime& r, const CallArgs& args) { return f(r, args[0]); });
    }
    if (s.len) {
        auto f = s.len;
        wrap(rt, type, "__len__",
             [f](Runtime& r, const CallArgs& args) { return Value::integer(f(r, args[0])); });
    }
    if (s.getitem) {
        auto f = s.getitem;
        wrap(rt, type, "__getitem__", [f](Runtime& r, const CallArgs& args) {
            check_count(r, args, 1);
            return f(r, args[0], args[1]);
        });
    }
    if (s.setitem) {
        auto f = s.setitem;
        wrap(rt, type, "__setitem__", [f](Runtime& r, const CallArgs& args) {
            check_count(r, args, 2);
            f(r, args[0], args[1], args[2]);
            return Value();
        });
    }
    if (s.delitem) {
        auto f = s.delitem;
        wrap(rt, type, "__delitem__", [f](Runtime& r, const CallArgs& args) {
            check_count(r, args, 1);
            f(r, args[0], args[1]);
            return Value();
        });
    }
    if (s.contains) {
        auto f = s.contains;
        wrap(rt, type, "__contains__", [f](Runtime& r, const CallArgs& args) {
            check_count(r, args, 1);
            return Value::boolean(f(r, args[0], args[1]));
        });
    }
    if (s.iter) {
        auto f = s.iter;
        wrap(rt, type, "__iter__", [f](Runtime& r, const CallArgs& args) { return f(r, args[0]); });
    }
    if (s.next) {
        auto f = s.next;
        wrap(rt, type, "__next__", [f](Runtime& r, const CallArgs& args) {
            Value out;
            if (!f(r, args[0], out)) {
                raise_value(make_exception(r, r.types().StopIteration, std::vector<Value>{}));
            }
            return out;
        });
    }
    if (s.truthy) {
        auto f = s.truthy;
        wrap(rt, type, "__bool__",
             [f](Runtime& r, const CallArgs& args) { return Value::boolean(f(r, args[0])); });
    }
}

}  // namespace

void install_slot_wrappers(Runtime& rt) {
    BuiltinTypes& t = rt.types();
    for (TypeObject* type : {t.int_.get(),
                             t.bool_.get(),
                             t.float_.get(),
                             t.str.get(),
                             t.list.get(),
                             t.tuple.get(),
                             t.dict.get(),
                             t.set.get(),
                             t.frozenset.get(),
                             t.range.get(),
                             t.NoneType.get(),
                             t.slice.get(),
                             t.dict_keys.get(),
                             t.dict_values.get(),
                             t.dict_items.get(),
                             t.list_iterator.get(),
                             t.tuple_iterator.get(),
                             t.str_iterator.get(),
                             t.range_iterator.get(),
                             t.dict_keyiterator.get(),
                             t.dict_valueiterator.get(),
                             t.dict_itemiterator.get(),
                             t.set_iterator.get(),
                             t.enumerate.get(),
                             t.zip.get(),
                             t.map.get(),
                             t.filter.get(),
                             t.reversed.get(),
                             t.callable_iterator.get(),
                             t.list_reverseiterator.get()}) {
        wrap_type(rt, *type);
    }
    for (TypeObject* type : {t.int_.get(), t.float_.get(), t.bool_.get()}) {
        define_method(rt, *type, "__abs__",
                      [](Runtime& r, const CallArgs& args) { return absolute(r, args[0]); });
        define_method(rt, *type, "__pos__",
                      [](Runtime& r, const CallArgs& args) { return positive(r, args[0]); });
        define_method(rt, *type, "__int__", [](Runtime& r, const CallArgs& args) {
            return call(r, r.types().int_.value(), {args[0]});
        });
        define_method(rt, *type, "__float__", [](Runtime& r, const CallArgs& args) {
            return Value::floating(to_double(r, args[0]));
        });
        define_method(rt, *type, "__format__", [](Runtime& r, const CallArgs& args) {
            return make_str(r, format(r, args[0], expect_str(r, args[1], "format_spec")));
        });
    }
    define_method(rt, t.int_, "__invert__",
                  [](Runtime& r, const CallArgs& args) { return invert(r, args[0]); });
}

}  // namespace loopscope::script
