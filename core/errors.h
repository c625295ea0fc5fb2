#pragma once

#include <stdexcept>
#include <string>

namespace loopscope {

// The errors asyncio raises, as C++ types with CPython's names and messages, so that native
// code and the script layer report misuse in the same words as CPython.

// Python's RuntimeError: misuse of the loop ("Event loop is closed", ...).
class RuntimeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// asyncio.InvalidStateError: result() of a pending future, set_result() twice, ...
class InvalidStateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Python's ValueError (over-released BoundedSemaphore, task_done() too often, ...).
class ValueError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// asyncio.CancelledError. Like Python's, it is not an "Exception": code that handles failures
// catches the concrete error types, and cancellation passes through.
class CancelledError : public std::exception {
public:
    explicit CancelledError(std::string message = {}) : message_(std::move(message)) {}
    const char* what() const noexcept override { return message_.c_str(); }
    const std::string& message() const { return message_; }

private:
    std::string message_;
};

}  // namespace loopscope
