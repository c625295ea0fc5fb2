#include "script/modules/exception_bridge.h"

#include <new>

#include "script/modules/asyncio_state.h"
#include "script/objects/errors.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"
#include "script/vm/vm.h"
#include "sync/queue_errors.h"

namespace loopscope::script {

Value make_cancelled_error(Runtime& rt, const std::string& message) {
    AsyncioState& state = asyncio_state(rt);
    if (message.empty()) {
        return make_exception(rt, *state.types.CancelledError, std::vector<Value>{});
    }
    return make_exception(rt, *state.types.CancelledError,
                          std::vector<Value>{make_str(rt, message)});
}

bool is_cancelled_error(Runtime& rt, const Value& exception) {
    const AsyncioState& state = asyncio_state(rt);
    return state.types.CancelledError && is_instance(rt, exception, *state.types.CancelledError);
}

std::string cancel_message_of(Runtime& rt, const Value& exception) {
    ExceptionObject* object = as_exception(rt, exception);
    if (object == nullptr || !object->args.is_object()) {
        return {};
    }
    const std::vector<Value>& args = tuple_items(object->args);
    if (args.empty() || !is_instance(rt, args[0], *rt.types().str)) {
        return {};
    }
    return std::string(str_view(args[0]));
}

Value message_value(Runtime& rt, const std::optional<std::string>& message) {
    return message ? make_str(rt, *message) : Value::none();
}

std::optional<std::string> message_from(Runtime& rt, const Value& message) {
    if (message.is_none()) {
        return std::nullopt;
    }
    return to_str(rt, message);
}

namespace {

Value with_cause(Runtime& rt, Value exception, const std::exception_ptr& cause) {
    if (!cause) {
        return exception;
    }
    if (ExceptionObject* object = as_exception(rt, exception)) {
        Value cause_value = python_exception(rt, cause);
        object->cause = cause_value;
        object->context = cause_value;
        object->suppress_context = true;
    }
    return exception;
}

}  // namespace

Value python_exception(Runtime& rt, const std::exception_ptr& error) {
    AsyncioState& state = asyncio_state(rt);
    try {
        std::rethrow_exception(error);
    } catch (const ScriptError& e) {
        return e.exception;
    } catch (const ScriptCancelledError& e) {
        return e.exception();
    } catch (const CancelledError& e) {
        return make_cancelled_error(rt, e.message());
    } catch (const TimeoutError& e) {
        const std::string text = e.what();
        Value timeout = text.empty()
                            ? make_exception(rt, *rt.types().TimeoutError, std::vector<Value>{})
                            : make_exception(rt, *rt.types().TimeoutError, text);
        return with_cause(rt, std::move(timeout), e.cause());
    } catch (const InvalidStateError& e) {
        return make_exception(rt, *state.types.InvalidStateError, std::string(e.what()));
    } catch (const ExceptionGroup& e) {
        std::vector<Value> children;
        for (const std::exception_ptr& child : e.exceptions()) {
            children.push_back(python_exception(rt, child));
        }
        return make_exception_group(rt, e.message(), std::move(children));
    } catch (const QueueEmpty&) {
        return make_exception(rt, *state.types.QueueEmpty, std::vector<Value>{});
    } catch (const QueueFull&) {
        return make_exception(rt, *state.types.QueueFull, std::vector<Value>{});
    } catch (const loopscope::ValueError& e) {
        return make_exception(rt, *rt.types().ValueError, std::string(e.what()));
    } catch (const loopscope::RuntimeError& e) {
        return make_exception(rt, *rt.types().RuntimeError, std::string(e.what()));
    } catch (const vm::InstructionLimitExceeded&) {
        note_script_abort(rt, error);
        throw;
    } catch (const vm::ScriptStopped&) {
        note_script_abort(rt, error);
        throw;
    } catch (const std::bad_alloc&) {
        return make_exception(rt, *rt.types().MemoryError, std::vector<Value>{});
    } catch (const std::exception& e) {
        return make_exception(rt, *rt.types().RuntimeError, std::string(e.what()));
    } catch (...) {
        return make_exception(rt, *rt.types().RuntimeError, std::string("unknown C++ exception"));
    }
}

bool is_script_abort(const std::exception_ptr& error) {
    if (!error) {
        return false;
    }
    try {
        std::rethrow_exception(error);
    } catch (const vm::InstructionLimitExceeded&) {
        return true;
    } catch (const vm::ScriptStopped&) {
        return true;
    } catch (...) {
        return false;
    }
}

void note_script_abort(Runtime& rt, const std::exception_ptr& error) {
    AsyncioState& state = asyncio_state(rt);
    if (!state.aborting) {
        state.aborting = error;
    }
}

void raise_python(Runtime& rt, const std::exception_ptr& error) {
    throw ScriptError{python_exception(rt, error)};
}

std::exception_ptr cpp_exception(Runtime& rt, const Value& exception) {
    if (is_cancelled_error(rt, exception)) {
        return std::make_exception_ptr(
            ScriptCancelledError(cancel_message_of(rt, exception), exception));
    }
    return std::make_exception_ptr(ScriptError{exception});
}

void throw_cpp(Runtime& rt, const ScriptError& error) {
    if (is_cancelled_error(rt, error.exception)) {
        throw ScriptCancelledError(cancel_message_of(rt, error.exception), error.exception);
    }
    throw error;
}

void hold_with_exception(Runtime& rt, const Value& exception, const Value& argument) {
    if (ExceptionObject* object = as_exception(rt, exception)) {
        object->held = argument;
    }
}

}  // namespace loopscope::script
