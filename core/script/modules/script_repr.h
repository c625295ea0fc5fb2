#pragma once

#include <span>
#include <string>
#include <string_view>

#include "script/objects/object.h"

namespace loopscope::script {

// reprlib.repr(value) with reprlib's default limits (strings 30 characters, lists and tuples 6
// items, dicts 4, nesting 6 levels): how asyncio shows a future's result in its repr.
std::string limited_repr(Runtime& rt, const Value& value);

namespace vm {
struct FunctionObject;
}

// The Python function behind a callable (a function, or a bound method's), or null.
const vm::FunctionObject* python_function_of(Runtime& rt, const Value& callable);

// How asyncio names a callback in its reports: "main.<locals>.bad(<Future finished result=1>)
// at /x.py:27" — the qualified name, the arguments' reprs, and where a Python function was
// defined (from its __code__, when the function has one).
std::string describe_callback(Runtime& rt, const Value& callback, std::span<const Value> args);

// repr() of a str: 'Task-1' with Python's quoting rules.
std::string python_str_repr(Runtime& rt, std::string_view text);

}  // namespace loopscope::script
