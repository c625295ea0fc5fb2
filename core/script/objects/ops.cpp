#include "core/script/objects/ops.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/script/objects/errors.h"
#include "core/script/objects/format.h"
#include "core/script/objects/internal_ops.h"
#include "core/script/objects/list.h"
#include "core/script/objects/module.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

// --- types -------------------------------------------------------------------------------

std::string_view type_name(Runtime& rt, const Value& v) {
    return type_of(rt, v).name;
}

bool is_instance(Runtime& rt, const Value& v, const TypeObject& type) {
    return type_of(rt, v).is_subtype_of(type);
}

bool is_type(Runtime& rt, const Value& v) {
    return as_type(rt, v) != nullptr;
}

TypeObject* as_type(Runtime& rt, const Value& v) {
    // Every class's metatype is `type` (no metaclasses in Loopscope).
    if (v.is_object() && v.as_object()->type == rt.types().type.get()) {
        return v.as<TypeObject>();
    }
    return nullptr;
}

namespace {

bool starts_with_dunder(std::string_view name) {
    return name.size() >= 2 && name[0] == '_' && name[1] == '_';
}

// Whether reading a non-dunder attribute of an instance of `t` may look at the instance dict
// first (no data descriptor can shadow it).
bool plain_instance_attributes(Runtime& rt, TypeObject& t) {
    if (!t.is_user_class) {
        return false;
    }
    if (t.plain_attributes_epoch != rt.type_epoch) {
        bool plain = true;
        for (TypeObject* c : t.mro) {
            if (c == rt.types().object.get()) {
                continue;
            }
            if (!c->is_user_class) {
                plain = false;
                break;
            }
            c->dict.for_each([&](const std::string&, const Value& v) {
                plain = plain && !(v.is_object() && v.as_object()->type->slots.set);
            });
        }
        t.plain_instance_attributes = plain;
        t.plain_attributes_epoch = rt.type_epoch;
    }
    return t.plain_instance_attributes;
}

}  // namespace

std::string qualified_type_name(const TypeObject& type) {
    if (type.module == "builtins") {
        return type.qualname;
    }
    return type.module + "." + type.qualname;
}

std::string default_object_repr(Runtime& rt, const Value& v) {
    char address[32];
    std::snprintf(address, sizeof address, "0x%" PRIxPTR,
                  reinterpret_cast<std::uintptr_t>(v.as_object()));
    return "<" + qualified_type_name(type_of(rt, v)) + " object at " + address + ">";
}

// --- text --------------------------------------------------------------------------------

std::string repr(Runtime& rt, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::None:
            return "None";
        case Value::Tag::Bool:
            return v.as_bool() ? "True" : "False";
        case Value::Tag::Int:
            return int_repr(v.as_int());
        case Value::Tag::Float:
            return float_repr(v.as_float());
        case Value::Tag::Object:
            break;
    }
    TypeObject& t = *v.as_object()->type;
    if (t.slots.repr) {
        return t.slots.repr(rt, v);
    }
    return default_object_repr(rt, v);
}

std::string to_str(Runtime& rt, const Value& v) {
    if (v.is_object()) {
        TypeObject& t = *v.as_object()->type;
        if (&t == rt.types().str.get()) {
            return std::string(str_view(v));
        }
        if (t.slots.str) {
            return t.slots.str(rt, v);
        }
    }
    return repr(rt, v);
}

std::string format(Runtime& rt, const Value& v, std::string_view spec) {
    TypeObject& t = type_of(rt, v);
    if (t.is_user_class) {
        Value result;
        const Value* method = t.lookup("__format__");
        if (method && !method->is_none() &&
            call_special(rt, v, "__format__", {make_str(rt, spec)}, result)) {
            if (!is_str(rt, result)) {
                raise_error(
                    rt, rt.types().TypeError,
                    "__format__ must return a str, not " + std::string(type_name(rt, result)));
            }
            return std::string(str_view(result));
        }
    }
    return format_value(rt, v, spec);
}

// --- truth and comparison ----------------------------------------------------------------

bool truthy(Runtime& rt, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::None:
            return false;
        case Value::Tag::Bool:
        case Value::Tag::Int:
            return v.as_int() != 0;
        case Value::Tag::Float:
            return v.as_float() != 0.0;
        case Value::Tag::Object:
            break;
    }
    TypeObject& t = *v.as_object()->type;
    if (t.slots.truthy) {
        return t.slots.truthy(rt, v);
    }
    if (t.slots.len) {
        return t.slots.len(rt, v) != 0;
    }
    return true;
}

namespace {

CompareOp swapped(CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return CompareOp::Gt;
        case CompareOp::Le:
            return CompareOp::Ge;
        case CompareOp::Gt:
            return CompareOp::Lt;
        case CompareOp::Ge:
            return CompareOp::Le;
        default:
            return op;
    }
}

const char* compare_symbol(CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return "<";
        case CompareOp::Le:
            return "<=";
        case CompareOp::Eq:
            return "==";
        case CompareOp::Ne:
            return "!=";
        case CompareOp::Gt:
            return ">";
        case CompareOp::Ge:
            return ">=";
    }
    return "?";
}

template <class T>
bool compare_numbers(T a, T b, CompareOp op) {
    switch (op) {
        case CompareOp::Lt:
            return a < b;
        case CompareOp::Le:
            return a <= b;
        case CompareOp::Eq:
            return a == b;
        case CompareOp::Ne:
            return a != b;
        case CompareOp::Gt:
            return a > b;
        case CompareOp::Ge:
            return a >= b;
    }
    return false;
}

}  // namespace

Value compare(Runtime& rt, const Value& a, const Value& b, CompareOp op) {
    if (a.is_int() && b.is_int()) {
        return Value::boolean(compare_numbers(a.as_int(), b.as_int(), op));
    }
    if (a.is_float() && b.is_float()) {
        return Value::boolean(compare_numbers(a.as_float(), b.as_float(), op));
    }
    TypeObject& ta = type_of(rt, a);
    TypeObject& tb = type_of(rt, b);
    bool checked_reverse = false;
    if (&ta != &tb && tb.is_subtype_of(ta) && tb.slots.compare) {
        checked_reverse = true;
        Value r = tb.slots.compare(rt, b, a, swapped(op));
        if (!rt.is_not_implemented(r)) {
            return r;
        }
    }
    if (ta.slots.compare) {
        Value r = ta.slots.compare(rt, a, b, op);
        if (!rt.is_not_implemented(r)) {
            return r;
        }
    }
    if (!checked_reverse && tb.slots.compare) {
        Value r = tb.slots.compare(rt, b, a, swapped(op));
        if (!rt.is_not_implemented(r)) {
            return r;
        }
    }
    if (op == CompareOp::Eq) {
        return Value::boolean(identical(a, b));
    }
    if (op == CompareOp::Ne) {
        return Value::boolean(!identical(a, b));
    }
    raise_error(rt, rt.types().TypeError,
                std::string("'") + compare_symbol(op) + "' not supported between instances of '" +
                    ta.name + "' and '" + tb.name + "'");
}

bool compare_bool(Runtime& rt, const Value& a, const Value& b, CompareOp op) {
    Value r = compare(rt, a, b, op);
    return r.is_bool() ? r.as_bool() : truthy(rt, r);
}

bool equals(Runtime& rt, const Value& a, const Value& b) {
    if (identical(a, b)) {
        return true;
    }
    if (a.is_object() && b.is_object() && a.as_object()->type == rt.types().str.get() &&
        b.as_object()->type == rt.types().str.get()) {
        return str_view(a) == str_view(b);
    }
    return compare_bool(rt, a, b, CompareOp::Eq);
}

std::int64_t hash(Runtime& rt, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::None:
            return 0x5f3759df;
        case Value::Tag::Bool:
        case Value::Tag::Int:
            return hash_int(v.as_int());
        case Value::Tag::Float:
            return hash_double(v.as_float());
        case Value::Tag::Object:
            break;
    }
    TypeObject& t = *v.as_object()->type;
    if (t.slots.hash) {
        return t.slots.hash(rt, v);
    }
    raise_error(rt, rt.types().TypeError, "unhashable type: '" + t.name + "'");
}

std::int64_t hash_int(std::int64_t v) {
    // CPython: |v| mod (2**61 - 1) with v's sign; -1 is reserved for errors.
    constexpr std::uint64_t modulus = (std::uint64_t{1} << 61) - 1;
    const std::uint64_t magnitude =
        v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    auto h = static_cast<std::int64_t>(magnitude % modulus);
    if (v < 0) {
        h = -h;
    }
    return h == -1 ? -2 : h;
}

std::int64_t hash_double(double v) {
    // CPython's _Py_HashDouble: equal numbers hash equal (hash(2.0) == hash(2)).
    constexpr int bits = 61;
    constexpr std::uint64_t modulus = (std::uint64_t{1} << bits) - 1;
    if (std::isinf(v)) {
        return v > 0 ? 314159 : -314159;
    }
    if (std::isnan(v)) {
        return 0;
    }
    int exponent;
    double m = std::frexp(v, &exponent);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    std::uint64_t x = 0;
    while (m) {
        x = ((x << 28) & modulus) | x >> (bits - 28);
        m *= 268435456.0;
        exponent -= 28;
        const auto y = static_cast<std::uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= modulus) {
            x -= modulus;
        }
    }
    exponent = exponent >= 0 ? exponent % bits : bits - 1 - ((-1 - exponent) % bits);
    x = ((x << exponent) & modulus) | x >> (bits - exponent);
    auto h = static_cast<std::int64_t>(x) * sign;
    return h == -1 ? -2 : h;
}

// --- calls -------------------------------------------------------------------------------

Value call(Runtime& rt, const Value& callable, const CallArgs& args) {
    TypeObject& t = type_of(rt, callable);
    if (!t.slots.call) {
        raise_error(rt, rt.types().TypeError, "'" + t.name + "' object is not callable");
    }
    return t.slots.call(rt, callable, args);
}

Value call(Runtime& rt, const Value& callable, std::initializer_list<Value> positional) {
    CallArgs args;
    args.positional = std::span<const Value>(positional.begin(), positional.size());
    return call(rt, callable, args);
}

bool is_callable(Runtime& rt, const Value& v) {
    return type_of(rt, v).slots.call != nullptr;
}

bool call_special(Runtime& rt, const Value& obj, std::string_view name,
                  std::initializer_list<Value> args, Value& result) {
    Value callable;
    bool prepend_self = false;
    if (!lookup_special(rt, obj, name, callable, prepend_self)) {
        return false;
    }
    std::vector<Value> all;
    all.reserve(args.size() + 1);
    if (prepend_self) {
        all.push_back(obj);
    }
    all.insert(all.end(), args.begin(), args.end());
    CallArgs call_args;
    call_args.positional = all;
    result = call(rt, callable, call_args);
    return true;
}

Value call_method(Runtime& rt, const Value& obj, std::string_view name,
                  std::initializer_list<Value> positional) {
    Value callable;
    if (get_method(rt, obj, name, callable)) {
        std::vector<Value> all;
        all.reserve(positional.size() + 1);
        all.push_back(obj);
        all.insert(all.end(), positional.begin(), positional.end());
        CallArgs args;
        args.positional = all;
        return call(rt, callable, args);
    }
    return call(rt, callable, positional);
}

// --- attributes --------------------------------------------------------------------------

namespace {

bool is_data_descriptor(Runtime& rt, const Value& v) {
    return type_of(rt, v).slots.set != nullptr;
}

Value bind_descriptor(Runtime& rt, const Value& descr, const Value& instance, TypeObject& owner) {
    TypeObject& dt = type_of(rt, descr);
    if (dt.slots.get) {
        return dt.slots.get(rt, descr, instance, owner);
    }
    return descr;
}

bool type_getattr(Runtime& rt, TypeObject& cls, const Value& cls_value, std::string_view name,
                  Value& out) {
    TypeObject& meta = *cls.type;
    Value meta_attr;
    if (const Value* m = meta.lookup(name)) {
        meta_attr = *m;
        if (is_data_descriptor(rt, meta_attr)) {
            out = bind_descriptor(rt, meta_attr, cls_value, meta);
            return true;
        }
    }
    if (const Value* found = cls.lookup(name)) {
        Value attr = *found;
        out = bind_descriptor(rt, attr, Value(), cls);
        return true;
    }
    if (meta_attr.is_object() || !meta_attr.is_none()) {
        if (meta.lookup(name)) {
            out = bind_descriptor(rt, meta_attr, cls_value, meta);
            return true;
        }
    }
    return false;
}

}  // namespace

bool generic_getattr(Runtime& rt, const Value& obj, std::string_view name, Value& out) {
    TypeObject& t = type_of(rt, obj);
    if (t.is_user_class && !starts_with_dunder(name) && plain_instance_attributes(rt, t) &&
        instance_attributes(obj).get(name, out)) {
        return true;
    }
    if (TypeObject* cls = as_type(rt, obj)) {
        return type_getattr(rt, *cls, obj, name, out);
    }
    if (&t == rt.types().super.get()) {
        return super_getattr(rt, obj, name, out);
    }
    Value descr;
    bool has_descr = false;
    if (const Value* d = t.lookup(name)) {
        descr = *d;
        has_descr = true;
        if (is_data_descriptor(rt, descr)) {
            out = bind_descriptor(rt, descr, obj, t);
            return true;
        }
    }
    if (t.has_instance_dict) {
        if (instance_attributes(obj).get(name, out)) {
            return true;
        }
    }
    if (has_descr) {
        out = bind_descriptor(rt, descr, obj, t);
        return true;
    }
    return false;
}

void raise_attribute_error(Runtime& rt, const Value& obj, std::string_view name) {
    std::string message;
    if (TypeObject* cls = as_type(rt, obj)) {
        message = "type object '" + cls->name + "' has no attribute '" + std::string(name) + "'";
    } else if (is_module(rt, obj)) {
        message = "module '" + obj.as<ModuleObject>()->name + "' has no attribute '" +
                  std::string(name) + "'";
    } else {
        message = "'" + std::string(type_name(rt, obj)) + "' object has no attribute '" +
                  std::string(name) + "'";
    }
    Value exc = make_exception(rt, rt.types().AttributeError, message);
    auto* e = exc.as<ExceptionObject>();
    e->dict.set("name", make_str(rt, name));
    e->dict.set("obj", obj);
    raise_value(exc);
}

Value get_attr(Runtime& rt, const Value& obj, std::string_view name) {
    Value out;
    if (generic_getattr(rt, obj, name, out)) {
        return out;
    }
    TypeObject& t = type_of(rt, obj);
    if (t.slots.getattr && t.slots.getattr(rt, obj, name, out)) {
        return out;
    }
    raise_attribute_error(rt, obj, name);
}

bool lookup_attr(Runtime& rt, const Value& obj, std::string_view name, Value& out) {
    try {
        if (generic_getattr(rt, obj, name, out)) {
            return true;
        }
        TypeObject& t = type_of(rt, obj);
        return t.slots.getattr && t.slots.getattr(rt, obj, name, out);
    } catch (const ScriptError& error) {
        if (is_instance(rt, error.exception, rt.types().AttributeError)) {
            return false;
        }
        throw;
    }
}

void generic_setattr(Runtime& rt, const Value& obj, std::string_view name, const Value* value) {
    TypeObject& t = type_of(rt, obj);
    if (TypeObject* cls = as_type(rt, obj)) {
        if (!cls->is_user_class) {
            raise_error(rt, rt.types().TypeError,
                        "cannot set '" + std::string(name) + "' attribute of immutable type '" +
                            cls->name + "'");
        }
        // Dunders and descriptors change what instances do: drop the per-class caches.
        const Value* old = cls->dict.find_slot(name);
        auto is_descriptor = [](const Value* v) {
            return v && v->is_object() &&
                   (v->as_object()->type->slots.get || v->as_object()->type->slots.set);
        };
        if (starts_with_dunder(name) || is_descriptor(value) || is_descriptor(old)) {
            ++rt.type_epoch;
        }
        if (value) {
            cls->dict.set(name, *value);
        } else if (!cls->dict.remove(name)) {
            raise_attribute_error(rt, obj, name);
        }
        return;
    }
    if (t.is_user_class && value && !starts_with_dunder(name) && plain_instance_attributes(rt, t)) {
        instance_attributes(obj).set(name, *value);
        return;
    }
    if (const Value* d = t.lookup(name)) {
        Value descr = *d;
        TypeObject& dt = type_of(rt, descr);
        if (dt.slots.set) {
            dt.slots.set(rt, descr, obj, value);
            return;
        }
    }
    if (t.has_instance_dict) {
        Attributes& dict = instance_attributes(obj);
        if (value) {
            dict.set(name, *value);
        } else if (!dict.remove(name)) {
            raise_attribute_error(rt, obj, name);
        }
        return;
    }
    if (is_module(rt, obj)) {
        auto* module = obj.as<ModuleObject>();
        if (value) {
            module->dict.set(name, *value);
        } else if (!module->dict.remove(name)) {
            raise_attribute_error(rt, obj, name);
        }
        return;
    }
    if (t.lookup(name)) {
        raise_error(rt, rt.types().AttributeError,
                    "'" + t.name + "' object attribute '" + std::string(name) + "' is read-only");
    }
    raise_attribute_error(rt, obj, name);
}

void set_attr(Runtime& rt, const Value& obj, std::string_view name, const Value& value) {
    TypeObject& t = type_of(rt, obj);
    if (t.slots.setattr) {
        t.slots.setattr(rt, obj, name, value);
        return;
    }
    generic_setattr(rt, obj, name, &value);
}

void del_attr(Runtime& rt, const Value& obj, std::string_view name) {
    generic_setattr(rt, obj, name, nullptr);
}

bool get_method(Runtime& rt, const Value& obj, std::string_view name, Value& callable) {
    if (obj.is_object()) {
        TypeObject& t = *obj.as_object()->type;
        if (!t.slots.getattr || t.has_instance_dict) {
            if (const Value* d = t.lookup(name)) {
                if (type_of(rt, *d).slots.binds_as_method && !as_type(rt, obj) &&
                    !(t.has_instance_dict && instance_attributes(obj).contains(name))) {
                    callable = *d;
                    return true;
                }
            }
        }
    } else {
        TypeObject& t = type_of(rt, obj);
        if (const Value* d = t.lookup(name)) {
            if (type_of(rt, *d).slots.binds_as_method) {
                callable = *d;
                return true;
            }
        }
    }
    callable = get_attr(rt, obj, name);
    return false;
}

bool get_method(Runtime& rt, const Value& obj, std::string_view name, Value& callable,
                MethodCache& cache) {
    TypeObject& t = obj.is_object() ? *obj.as_object()->type : type_of(rt, obj);
    const std::uint64_t version = t.mro_version();
    if (cache.type_serial != t.serial || cache.mro_version != version) {
        // Only what the first branches of get_method() above decide from the class alone is
        // cached: not a class's own attributes, nor a class with __getattr__ and no dicts.
        const bool from_class_alone =
            !obj.is_object() ||
            ((!t.slots.getattr || t.has_instance_dict) && as_type(rt, obj) == nullptr);
        const Value* slot = from_class_alone ? t.lookup(name) : nullptr;
        if (slot == nullptr) {
            return get_method(rt, obj, name, callable);
        }
        cache = MethodCache{t.serial, version, slot};
    }
    const Value& found = *cache.slot;
    if (type_of(rt, found).slots.binds_as_method &&
        !(t.has_instance_dict && instance_attributes(obj).contains(name))) {
        callable = found;
        return true;
    }
    return get_method(rt, obj, name, callable);
}

bool lookup_special(Runtime& rt, const Value& obj, std::string_view name, Value& callable,
                    bool& prepend_self) {
    TypeObject& t = type_of(rt, obj);
    const Value* d = t.lookup(name);
    if (!d) {
        return false;
    }
    Value descr = *d;
    TypeObject& dt = type_of(rt, descr);
    prepend_self = dt.slots.binds_as_method;
    callable = prepend_self ? descr : bind_descriptor(rt, descr, obj, t);
    return true;
}

// --- arithmetic --------------------------------------------------------------------------

std::string_view number_op_symbol(NumberOp op) {
    switch (op) {
        case NumberOp::Add:
            return "+";
        case NumberOp::Sub:
            return "-";
        case NumberOp::Mul:
            return "*";
        case NumberOp::MatMul:
            return "@";
        case NumberOp::TrueDiv:
            return "/";
        case NumberOp::FloorDiv:
            return "//";
        case NumberOp::Mod:
            return "%";
        case NumberOp::Pow:
            return "**";
        case NumberOp::LShift:
            return "<<";
        case NumberOp::RShift:
            return ">>";
        case NumberOp::And:
            return "&";
        case NumberOp::Or:
            return "|";
        case NumberOp::Xor:
            return "^";
        case NumberOp::Count:
            break;
    }
    return "?";
}

namespace {

bool is_sequence_for_concat(Runtime& rt, const TypeObject& t) {
    return t.is_subtype_of(rt.types().str) || t.is_subtype_of(rt.types().list) ||
           t.is_subtype_of(rt.types().tuple);
}

}  // namespace

Value binary_op_slow(Runtime& rt, NumberOp op, const Value& a, const Value& b) {
    TypeObject& ta = type_of(rt, a);
    TypeObject& tb = type_of(rt, b);
    const auto index = static_cast<int>(op);
    auto slot_a = ta.slots.number[index];
    auto slot_b = &ta != &tb ? tb.slots.number[index] : nullptr;
    if (slot_b == slot_a) {
        slot_b = nullptr;
    }
    if (slot_a) {
        if (slot_b && tb.is_subtype_of(ta)) {
            Value r = slot_b(rt, a, b);
            if (!rt.is_not_implemented(r)) {
                return r;
            }
            slot_b = nullptr;
        }
        Value r = slot_a(rt, a, b);
        if (!rt.is_not_implemented(r)) {
            return r;
        }
    }
    if (slot_b) {
        Value r = slot_b(rt, a, b);
        if (!rt.is_not_implemented(r)) {
            return r;
        }
    }
    if (op == NumberOp::Add && is_sequence_for_concat(rt, ta)) {
        raise_error(rt, rt.types().TypeError,
                    "can only concatenate " + ta.name + " (not \"" + tb.name + "\") to " + ta.name);
    }
    if (op == NumberOp::Mul && (is_sequence_for_concat(rt, ta) || is_sequence_for_concat(rt, tb))) {
        const TypeObject& other = is_sequence_for_concat(rt, ta) ? tb : ta;
        raise_error(rt, rt.types().TypeError,
                    "can't multiply sequence by non-int of type '" + other.name + "'");
    }
    std::string symbol(number_op_symbol(op));
    if (op == NumberOp::Pow) {
        symbol = "** or pow()";
    }
    raise_error(
        rt, rt.types().TypeError,
        "unsupported operand type(s) for " + symbol + ": '" + ta.name + "' and '" + tb.name + "'");
}

namespace {

const char* inplace_name(NumberOp op) {
    switch (op) {
        case NumberOp::Add:
            return "__iadd__";
        case NumberOp::Sub:
            return "__isub__";
        case NumberOp::Mul:
            return "__imul__";
        case NumberOp::MatMul:
            return "__imatmul__";
        case NumberOp::TrueDiv:
            return "__itruediv__";
        case NumberOp::FloorDiv:
            return "__ifloordiv__";
        case NumberOp::Mod:
            return "__imod__";
        case NumberOp::Pow:
            return "__ipow__";
        case NumberOp::LShift:
            return "__ilshift__";
        case NumberOp::RShift:
            return "__irshift__";
        case NumberOp::And:
            return "__iand__";
        case NumberOp::Or:
            return "__ior__";
        case NumberOp::Xor:
            return "__ixor__";
        case NumberOp::Count:
            break;
    }
    return "";
}

}  // namespace

Value inplace_op(Runtime& rt, NumberOp op, const Value& a, const Value& b) {
    if (a.is_object()) {
        TypeObject& t = *a.as_object()->type;
        Value out;
        if (t.is_subtype_of(rt.types().list) && list_inplace(rt, op, a, b, out)) {
            return out;
        }
        if (t.is_subtype_of(rt.types().set) && set_inplace(rt, op, a, b, out)) {
            return out;
        }
        if (t.is_subtype_of(rt.types().dict) && dict_inplace(rt, op, a, b, out)) {
            return out;
        }
        if (t.is_user_class && call_special(rt, a, inplace_name(op), {b}, out) &&
            !rt.is_not_implemented(out)) {
            return out;
        }
    }
    try {
        return binary_op(rt, op, a, b);
    } catch (const ScriptError& error) {
        // CPython names the augmented operator: "unsupported operand type(s) for +=: ...".
        if (!is_instance(rt, error.exception, rt.types().TypeError)) {
            throw;
        }
        const std::string message = exception_str(rt, error.exception);
        std::string symbol(number_op_symbol(op));
        if (op == NumberOp::Pow) {
            symbol = "** or pow()";
        }
        const std::string prefix = "unsupported operand type(s) for " + symbol + ":";
        if (message.rfind(prefix, 0) == 0) {
            raise_error(rt, rt.types().TypeError,
                        "unsupported operand type(s) for " + std::string(number_op_symbol(op)) +
                            "=:" + message.substr(prefix.size()));
        }
        throw;
    }
}

namespace {

[[noreturn]] void bad_unary(Runtime& rt, const char* symbol, const Value& v) {
    raise_error(rt, rt.types().TypeError,
                std::string("bad operand type for ") + symbol + ": '" +
                    std::string(type_name(rt, v)) + "'");
}

}  // namespace

Value negative(Runtime& rt, const Value& v) {
    if (v.is_int() || v.is_bool()) {
        if (v.as_int() == INT64_MIN) {
            raise_error(rt, rt.types().OverflowError, "integer overflow");
        }
        return Value::integer(-v.as_int());
    }
    if (v.is_float()) {
        return Value::floating(-v.as_float());
    }
    TypeObject& t = type_of(rt, v);
    if (t.slots.negative) {
        return t.slots.negative(rt, v);
    }
    bad_unary(rt, "unary -", v);
}

Value positive(Runtime& rt, const Value& v) {
    if (v.is_int() || v.is_bool()) {
        return Value::integer(v.as_int());
    }
    if (v.is_float()) {
        return v;
    }
    TypeObject& t = type_of(rt, v);
    if (t.slots.positive) {
        return t.slots.positive(rt, v);
    }
    bad_unary(rt, "unary +", v);
}

Value invert(Runtime& rt, const Value& v) {
    if (v.is_int() || v.is_bool()) {
        return Value::integer(~v.as_int());
    }
    TypeObject& t = type_of(rt, v);
    if (t.slots.invert) {
        return t.slots.invert(rt, v);
    }
    bad_unary(rt, "unary ~", v);
}

Value absolute(Runtime& rt, const Value& v) {
    if (v.is_int() || v.is_bool()) {
        if (v.as_int() == INT64_MIN) {
            raise_error(rt, rt.types().OverflowError, "integer overflow");
        }
        return Value::integer(v.as_int() < 0 ? -v.as_int() : v.as_int());
    }
    if (v.is_float()) {
        return Value::floating(std::fabs(v.as_float()));
    }
    Value result;
    if (call_special(rt, v, "__abs__", {}, result)) {
        return result;
    }
    bad_unary(rt, "abs()", v);
}

std::int64_t to_index(Runtime& rt, const Value& v) {
    if (v.is_int() || v.is_bool()) {
        return v.as_int();
    }
    Value result;
    if (v.is_object() && call_special(rt, v, "__index__", {}, result)) {
        if (result.is_int() || result.is_bool()) {
            return result.as_int();
        }
        raise_error(rt, rt.types().TypeError,
                    "__index__ returned non-int (type " + std::string(type_name(rt, result)) + ")");
    }
    raise_error(
        rt, rt.types().TypeError,
        "'" + std::string(type_name(rt, v)) + "' object cannot be interpreted as an integer");
}

double to_double(Runtime& rt, const Value& v) {
    if (v.is_float()) {
        return v.as_float();
    }
    if (v.is_int() || v.is_bool()) {
        return static_cast<double>(v.as_int());
    }
    Value result;
    if (v.is_object() && call_special(rt, v, "__float__", {}, result) && result.is_float()) {
        return result.as_float();
    }
    raise_error(rt, rt.types().TypeError,
                "must be real number, not " + std::string(type_name(rt, v)));
}

// --- containers --------------------------------------------------------------------------

Value get_iter(Runtime& rt, const Value& v) {
    TypeObject& t = type_of(rt, v);
    if (t.slots.iter) {
        return t.slots.iter(rt, v);
    }
    if (t.slots.getitem && t.is_user_class) {
        return make_sequence_iterator(rt, v);
    }
    raise_error(rt, rt.types().TypeError, "'" + t.name + "' object is not iterable");
}

bool iter_next(Runtime& rt, const Value& iterator, Value& out) {
    TypeObject& t = type_of(rt, iterator);
    if (t.slots.next) {
        return t.slots.next(rt, iterator, out);
    }
    raise_error(rt, rt.types().TypeError, "'" + t.name + "' object is not an iterator");
}

Value get_item(Runtime& rt, const Value& container, const Value& key) {
    TypeObject& t = type_of(rt, container);
    if (t.slots.getitem) {
        return t.slots.getitem(rt, container, key);
    }
    if (TypeObject* cls = as_type(rt, container)) {
        Value hook;
        if (type_getattr(rt, *cls, container, "__class_getitem__", hook)) {
            return call(rt, hook, {key});
        }
        // list[int], dict[str, int] in annotations: the class itself stands for the alias.
        return container;
    }
    raise_error(rt, rt.types().TypeError, "'" + t.name + "' object is not subscriptable");
}

void set_item(Runtime& rt, const Value& container, const Value& key, const Value& value) {
    TypeObject& t = type_of(rt, container);
    if (t.slots.setitem) {
        t.slots.setitem(rt, container, key, value);
        return;
    }
    raise_error(rt, rt.types().TypeError,
                "'" + t.name + "' object does not support item assignment");
}

void del_item(Runtime& rt, const Value& container, const Value& key) {
    TypeObject& t = type_of(rt, container);
    if (t.slots.delitem) {
        t.slots.delitem(rt, container, key);
        return;
    }
    raise_error(rt, rt.types().TypeError, "'" + t.name + "' object doesn't support item deletion");
}

bool contains(Runtime& rt, const Value& container, const Value& item) {
    TypeObject& t = type_of(rt, container);
    if (t.slots.contains) {
        return t.slots.contains(rt, container, item);
    }
    if (!t.slots.iter && !(t.slots.getitem && t.is_user_class)) {
        raise_error(rt, rt.types().TypeError, "argument of type '" + t.name + "' is not iterable");
    }
    bool found = false;
    for_each_item(rt, container, [&](const Value& v) {
        found = equals(rt, v, item);
        return !found;
    });
    return found;
}

std::int64_t length(Runtime& rt, const Value& v) {
    TypeObject& t = type_of(rt, v);
    if (t.slots.len) {
        return t.slots.len(rt, v);
    }
    raise_error(rt, rt.types().TypeError, "object of type '" + t.name + "' has no len()");
}

std::vector<Value> to_vector(Runtime& rt, const Value& iterable) {
    if (iterable.is_object()) {
        TypeObject* t = iterable.as_object()->type;
        if (t == rt.types().list.get()) {
            return list_items(iterable);
        }
        if (t == rt.types().tuple.get()) {
            return tuple_items(iterable);
        }
    }
    std::vector<Value> items;
    for_each_item(rt, iterable, [&](const Value& v) {
        items.push_back(v);
        return true;
    });
    return items;
}

}  // namespace loopscope::script
