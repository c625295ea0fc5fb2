#pragma once

#include <exception>
#include <optional>
#include <string>

#include "errors.h"
#include "script/objects/object.h"

namespace loopscope::script {

// Exceptions crossing between Python code and the C++ scheduler.
//
// Python → C++: a Python exception travels through C++ futures as ScriptError inside an
// std::exception_ptr, except CancelledError, which must be a loopscope::CancelledError there
// (TaskCore, timeout scopes and task groups recognise cancellation by that type). It becomes a
// ScriptCancelledError: a loopscope::CancelledError that remembers the Python object, so the same
// object comes back out when it returns to Python unchanged.
//
// C++ → Python: loopscope's CancelledError, TimeoutError, InvalidStateError, ExceptionGroup,
// QueueEmpty/QueueFull, RuntimeError and ValueError become the Python exceptions with the same
// messages; a ScriptError gives back its object.

class ScriptCancelledError : public CancelledError {
public:
    ScriptCancelledError(std::string message, Value exception)
        : CancelledError(std::move(message)), exception_(std::move(exception)) {}
    const Value& exception() const { return exception_; }

private:
    Value exception_;
};

// The Python exception object for a C++ exception. A script abort (below) is no Python
// exception: it is rethrown unchanged.
Value python_exception(Runtime& rt, const std::exception_ptr& error);

// vm::InstructionLimitExceeded and vm::ScriptStopped end the whole script (the CLI reports the
// limit and exits 4; the app's Stop button): scripts cannot catch them and asyncio never turns
// them into a task's error ("Task exception was never retrieved").
bool is_script_abort(const std::exception_ptr& error);
// Remembers the first abort seen inside a run, so that asyncio.run rethrows it.
void note_script_abort(Runtime& rt, const std::exception_ptr& error);
// Rethrows `error` as a Python exception (ScriptError).
[[noreturn]] void raise_python(Runtime& rt, const std::exception_ptr& error);
// Runs `body`, turning any C++ exception of the scheduler into its Python exception.
template <class F>
decltype(auto) with_python_errors(Runtime& rt, F&& body) {
    try {
        return body();
    } catch (const ScriptError&) {
        throw;
    } catch (...) {
        raise_python(rt, std::current_exception());
    }
}

// The C++ form of a Python exception object (ScriptError, or ScriptCancelledError).
std::exception_ptr cpp_exception(Runtime& rt, const Value& exception);
// Throws the C++ form of a ScriptError that is in flight; for `catch (const ScriptError& e)`.
[[noreturn]] void throw_cpp(Runtime& rt, const ScriptError& error);

// Keeps `argument` alive as long as `exception` (ExceptionObject::held), as CPython's frame of
// a Python-coded asyncio function does when the exception's traceback holds it.
void hold_with_exception(Runtime& rt, const Value& exception, const Value& argument);

// asyncio.CancelledError(message) (no args when the message is empty: Python's None).
Value make_cancelled_error(Runtime& rt, const std::string& message);
bool is_cancelled_error(Runtime& rt, const Value& exception);
// The message a Python CancelledError carries: its first argument if it is a str, else "".
std::string cancel_message_of(Runtime& rt, const Value& exception);

// The Python value of an optional cancel message (None or str), and back.
Value message_value(Runtime& rt, const std::optional<std::string>& message);
std::optional<std::string> message_from(Runtime& rt, const Value& message);

}  // namespace loopscope::script
