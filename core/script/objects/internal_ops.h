#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/script/objects/object.h"

namespace loopscope::script {

// Pieces shared between the objects/ sources; not part of the public API.

// In-place operators of mutable builtins (list +=, set |=, dict |=): false when not handled.
bool list_inplace(Runtime& rt, NumberOp op, const Value& a, const Value& b, Value& out);
bool set_inplace(Runtime& rt, NumberOp op, const Value& a, const Value& b, Value& out);
bool dict_inplace(Runtime& rt, NumberOp op, const Value& a, const Value& b, Value& out);

// Calls obj's special method `name` found on its type (not the instance), with obj as the first
// argument. False when the type has no such attribute.
bool call_special(Runtime& rt, const Value& obj, std::string_view name,
                  std::initializer_list<Value> args, Value& result);

// "<__main__.Foo object at 0x7f...>"
std::string default_object_repr(Runtime& rt, const Value& v);
// The type name as CPython prints it in reprs: "asyncio.exceptions.CancelledError", "int".
std::string qualified_type_name(const TypeObject& type);

// Integer and float hashing as CPython (hash(n) == n for small n, hash(-1) == -2).
std::int64_t hash_int(std::int64_t v);
std::int64_t hash_double(double v);

// Generic attribute access (object.__getattribute__, object.__setattr__) without the type's
// getattr/setattr slots: what object.__setattr__(self, ...) runs from user code.
bool generic_getattr(Runtime& rt, const Value& obj, std::string_view name, Value& out);
void generic_setattr(Runtime& rt, const Value& obj, std::string_view name, const Value* value);
[[noreturn]] void raise_attribute_error(Runtime& rt, const Value& obj, std::string_view name);

// int(text, base) / float(text) parsing with CPython's syntax and errors; float → int truncation.
Value parse_int(Runtime& rt, std::string_view text, std::int64_t base);
Value parse_float(Runtime& rt, std::string_view text);
std::int64_t float_to_int(Runtime& rt, double d);

// `int | None` (types.UnionType); union_or returns NotImplemented for other operands.
Value union_or(Runtime& rt, const Value& a, const Value& b);
bool is_union(Runtime& rt, const Value& v);
const std::vector<Value>& union_members(const Value& v);

// iter() of a __getitem__-only object (the old sequence protocol).
Value make_sequence_iterator(Runtime& rt, Value sequence);
// iter(callable, sentinel).
Value make_callable_iterator(Runtime& rt, Value function, Value sentinel);

// Attribute lookup through a super object (skips the MRO up to and including its start class).
bool super_getattr(Runtime& rt, const Value& self, std::string_view name, Value& out);

// BaseException.__init__: sets args and the attributes of particular exception classes.
struct ExceptionObject;
void initialize_exception_args(Runtime& rt, ExceptionObject& e, const CallArgs& args);

}  // namespace loopscope::script
