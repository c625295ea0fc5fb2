#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/script/objects/method_cache.h"
#include "core/script/objects/object.h"
#include "core/script/objects/runtime.h"

namespace loopscope::script {

// The generic operations on Values, as CPython's abstract.c / object.c: they dispatch on the
// operands' types (inline values included) and raise CPython's exact TypeErrors. The VM's
// instructions and the native modules use these; fast paths for int and float are inline.

// --- types -------------------------------------------------------------------------------
inline TypeObject& type_of(Runtime& rt, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::None:
            return rt.types().NoneType;
        case Value::Tag::Bool:
            return rt.types().bool_;
        case Value::Tag::Int:
            return rt.types().int_;
        case Value::Tag::Float:
            return rt.types().float_;
        case Value::Tag::Object:
            break;
    }
    return *v.as_object()->type;
}
std::string_view type_name(Runtime& rt, const Value& v);  // "int", "Foo"
bool is_instance(Runtime& rt, const Value& v, const TypeObject& type);
bool is_type(Runtime& rt, const Value& v);  // v is a class
// The class a Value holds, or null when it is not a class.
TypeObject* as_type(Runtime& rt, const Value& v);

// --- text --------------------------------------------------------------------------------
std::string repr(Runtime& rt, const Value& v);
std::string to_str(Runtime& rt, const Value& v);  // str(v)
// format(v, spec): __format__ of user classes, the mini-language for builtins (format.h).
std::string format(Runtime& rt, const Value& v, std::string_view spec);

// --- truth, identity, equality -------------------------------------------------------------
bool truthy(Runtime& rt, const Value& v);
Value compare(Runtime& rt, const Value& a, const Value& b, CompareOp op);
bool compare_bool(Runtime& rt, const Value& a, const Value& b, CompareOp op);
// a == b as `in`, list.index and dicts use it: identity first, then __eq__.
bool equals(Runtime& rt, const Value& a, const Value& b);
// hash(v); raises TypeError "unhashable type: 'list'".
std::int64_t hash(Runtime& rt, const Value& v);

// --- calls -------------------------------------------------------------------------------
Value call(Runtime& rt, const Value& callable, const CallArgs& args);
Value call(Runtime& rt, const Value& callable, std::initializer_list<Value> positional);
bool is_callable(Runtime& rt, const Value& v);
// obj.name(args...) without making a bound method.
Value call_method(Runtime& rt, const Value& obj, std::string_view name,
                  std::initializer_list<Value> positional);

// --- attributes --------------------------------------------------------------------------
// Raises AttributeError "'Foo' object has no attribute 'x'" (CPython's wording per kind:
// "type object 'Foo' has no attribute 'x'", "module 'm' has no attribute 'x'").
Value get_attr(Runtime& rt, const Value& obj, std::string_view name);
// False when absent (AttributeError is swallowed; other exceptions propagate).
bool lookup_attr(Runtime& rt, const Value& obj, std::string_view name, Value& out);
void set_attr(Runtime& rt, const Value& obj, std::string_view name, const Value& value);
void del_attr(Runtime& rt, const Value& obj, std::string_view name);
// For `obj.name(...)`: when the attribute is a function found on the type that binds as a
// method, sets `callable` to the plain function and returns true (call it with obj prepended);
// otherwise sets `callable` to the attribute's value and returns false. Raises AttributeError.
bool get_method(Runtime& rt, const Value& obj, std::string_view name, Value& callable);
// The same, looking in `cache` first and filling it (LOAD_METHOD).
bool get_method(Runtime& rt, const Value& obj, std::string_view name, Value& callable,
                MethodCache& cache);
// The attribute through the type only (no instance dict), for dunders (__enter__, __aexit__,
// __await__ ...): false when absent. When `prepend_self` comes back true, `callable` is the
// plain function: call it with obj prepended; otherwise it is already bound.
bool lookup_special(Runtime& rt, const Value& obj, std::string_view name, Value& callable,
                    bool& prepend_self);

// --- arithmetic --------------------------------------------------------------------------
Value binary_op_slow(Runtime& rt, NumberOp op, const Value& a, const Value& b);
// a op b with reflected operands; TypeError "unsupported operand type(s) for +: 'int' and 'str'".
inline Value binary_op(Runtime& rt, NumberOp op, const Value& a, const Value& b) {
    if (a.is_int() && b.is_int()) {
        std::int64_t r;
        switch (op) {
            case NumberOp::Add:
                if (!__builtin_add_overflow(a.as_int(), b.as_int(), &r))
                    return Value::integer(r);
                break;
            case NumberOp::Sub:
                if (!__builtin_sub_overflow(a.as_int(), b.as_int(), &r))
                    return Value::integer(r);
                break;
            case NumberOp::Mul:
                if (!__builtin_mul_overflow(a.as_int(), b.as_int(), &r))
                    return Value::integer(r);
                break;
            case NumberOp::Mod:
                // Python's modulo takes the divisor's sign; zero and -1 take the slow path.
                if (b.as_int() > 0) {
                    r = a.as_int() % b.as_int();
                    return Value::integer(r < 0 ? r + b.as_int() : r);
                }
                break;
            case NumberOp::FloorDiv:
                if (b.as_int() > 0) {
                    r = a.as_int() / b.as_int();
                    return Value::integer(r * b.as_int() > a.as_int() ? r - 1 : r);
                }
                break;
            default:
                break;
        }
    } else if (a.is_float() && b.is_float()) {
        switch (op) {
            case NumberOp::Add:
                return Value::floating(a.as_float() + b.as_float());
            case NumberOp::Sub:
                return Value::floating(a.as_float() - b.as_float());
            case NumberOp::Mul:
                return Value::floating(a.as_float() * b.as_float());
            case NumberOp::TrueDiv:
                if (b.as_float() != 0.0)
                    return Value::floating(a.as_float() / b.as_float());
                break;
            default:
                break;
        }
    }
    return binary_op_slow(rt, op, a, b);
}
// a op= b: __iadd__ ... first (list +=  extends in place), then binary_op.
Value inplace_op(Runtime& rt, NumberOp op, const Value& a, const Value& b);
Value negative(Runtime& rt, const Value& v);     // -v
Value positive(Runtime& rt, const Value& v);     // +v
Value invert(Runtime& rt, const Value& v);       // ~v
Value absolute(Runtime& rt, const Value& v);     // abs(v)
std::string_view number_op_symbol(NumberOp op);  // "+", "//", "**" ...

// Index conversion: int, bool or __index__; TypeError "'str' object cannot be interpreted as an
// integer" otherwise.
std::int64_t to_index(Runtime& rt, const Value& v);
// float(v) for int/float/bool (no strings); TypeError "must be real number, not str".
double to_double(Runtime& rt, const Value& v);

// --- containers --------------------------------------------------------------------------
Value get_iter(Runtime& rt, const Value& v);  // TypeError "'int' object is not iterable"
// The next item into `out`; false when exhausted (StopIteration is not raised).
bool iter_next(Runtime& rt, const Value& iterator, Value& out);
Value get_item(Runtime& rt, const Value& container, const Value& key);
void set_item(Runtime& rt, const Value& container, const Value& key, const Value& value);
void del_item(Runtime& rt, const Value& container, const Value& key);
bool contains(Runtime& rt, const Value& container, const Value& item);  // item in container
std::int64_t length(Runtime& rt, const Value& v);  // TypeError "object of type 'int' has no len()"
// Every item of an iterable, into a vector (list(), tuple(), unpacking, sorted ...).
std::vector<Value> to_vector(Runtime& rt, const Value& iterable);
// Calls f on each item; stops early when f returns false.
template <class F>
void for_each_item(Runtime& rt, const Value& iterable, F&& f) {
    Value it = get_iter(rt, iterable);
    Value item;
    while (iter_next(rt, it, item)) {
        if (!f(item)) {
            return;
        }
    }
}

}  // namespace loopscope::script
