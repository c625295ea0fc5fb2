#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

// Python's TimeoutError, raised by asyncio.timeout / wait_for when the deadline passes. Its
// cause is the CancelledError it replaces (`raise TimeoutError from exc_val`), if any.
class TimeoutError : public std::runtime_error {
public:
    explicit TimeoutError(std::string message = {}, std::exception_ptr cause = nullptr)
        : std::runtime_error(std::move(message)), cause_(std::move(cause)) {}
    const std::exception_ptr& cause() const { return cause_; }

private:
    std::exception_ptr cause_;
};

// Python's ExceptionGroup: several errors raised together (a TaskGroup's failed children).
// what() reads like str() in Python: "unhandled errors in a TaskGroup (2 sub-exceptions)".
class ExceptionGroup : public std::runtime_error {
public:
    ExceptionGroup(const std::string& message, std::vector<std::exception_ptr> exceptions)
        : std::runtime_error(describe(message, exceptions.size())),
          message_(message),
          exceptions_(std::move(exceptions)) {}
    const std::string& message() const { return message_; }
    const std::vector<std::exception_ptr>& exceptions() const { return exceptions_; }

private:
    static std::string describe(const std::string& message, std::size_t count) {
        return message + " (" + std::to_string(count) +
               (count == 1 ? " sub-exception)" : " sub-exceptions)");
    }
    std::string message_;
    std::vector<std::exception_ptr> exceptions_;
};

}  // namespace loopscope
