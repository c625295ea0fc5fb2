#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/script/objects/object.h"
#include "core/script/objects/type_object.h"

namespace loopscope::script {

// An instance of BaseException or a subclass. Extra attributes of particular exceptions
// (StopIteration.value, SystemExit.code, ExceptionGroup.exceptions, ImportError.name ...) are in
// the instance dict, set when the exception is made.
struct ExceptionObject : InstanceObject {
    ExceptionObject(Runtime& rt, Ref<TypeObject> cls);

    Value args;  // a tuple
    // The VM's traceback (a list of frames it records) or None.
    Value traceback;
    Value cause;    // __cause__: `raise ... from cause`
    Value context;  // __context__: the exception being handled when this one was raised
    bool suppress_context = false;
    Value notes;  // __notes__: a list, or None until add_note()
    // What a native function that raised it keeps alive with it, where CPython's function is
    // Python code whose frame, in the traceback, holds its arguments: a coroutine handed to a
    // failing asyncio.create_task warns "never awaited" when the exception goes, not before.
    Value held;
    void clear_references() override;
};

// Throws ScriptError with a new `type(message)`.
[[noreturn]] void raise_error(Runtime& rt, TypeObject& type, std::string message);
// Throws an existing exception object.
[[noreturn]] void raise_value(const Value& exception);

// A new exception of `type` with these args, without calling a user __init__ for builtin
// types; user exception classes are called (their __init__ runs).
Value make_exception(Runtime& rt, TypeObject& type, std::vector<Value> args);
Value make_exception(Runtime& rt, TypeObject& type, std::string message);
// The exception object a `raise X` statement raises: X itself if an instance, X() if a class;
// TypeError "exceptions must derive from BaseException" otherwise.
Value exception_from_raise_operand(Runtime& rt, const Value& operand);
bool is_exception_instance(Runtime& rt, const Value& v);
ExceptionObject* as_exception(Runtime& rt, const Value& v);  // null when not an exception

// A new exception class: asyncio's CancelledError (module "asyncio.exceptions"), QueueEmpty ...
// The Runtime keeps it alive.
Ref<TypeObject> make_exception_type(Runtime& rt, std::string name, TypeObject& base,
                                    std::string module);

// str(e) and repr(e) as CPython prints them: "" / "msg" / "('a', 1)"; KeyError's str is the
// repr of its key; ExceptionGroup's "msg (2 sub-exceptions)".
std::string exception_str(Runtime& rt, const Value& exception);
std::string exception_repr(Runtime& rt, const Value& exception);
// "ValueError: msg" or "ValueError" (the last line of a traceback): the qualified type name
// (module-prefixed unless builtins or __main__) and the str.
std::string exception_summary(Runtime& rt, const Value& exception);

// except* support: splits a group by a matcher (an exception type or tuple of types) into the
// matching and the remaining parts (each None or a group derived from the original, keeping
// message, traceback, cause, context, notes). A non-group exception matches as a whole.
struct ExceptionSplit {
    Value match;
    Value rest;
};
ExceptionSplit split_exception_group(Runtime& rt, const Value& exception, const Value& matcher);
// `except T:` matching: v's type is a subclass of T (or of any type in a tuple T). TypeError
// "catching classes that do not inherit from BaseException is not allowed" for bad T.
bool exception_matches(Runtime& rt, const Value& exception, const Value& matcher);
// ExceptionGroup(message, exceptions) made natively (TaskGroup): BaseExceptionGroup when any
// exception is not an Exception, as CPython picks.
Value make_exception_group(Runtime& rt, std::string message, std::vector<Value> exceptions);

}  // namespace loopscope::script
