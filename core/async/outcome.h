#pragma once

#include <exception>
#include <type_traits>
#include <utility>
#include <variant>

namespace loopscope {

// What a Future<T> yields as a value: T itself, or std::monostate (Python's None) for void, so
// that results of void futures can still be collected in a list.
template <class T>
using ResultValue = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// How one awaitable ended: its value or the exception it raised. The element type of
// gather(..., return_exceptions), where Python puts results and exception objects side by side
// in one list. A cancelled child is an error holding CancelledError.
template <class T>
class Outcome {
public:
    static Outcome success(ResultValue<T> value) { return Outcome(std::move(value)); }
    static Outcome failure(std::exception_ptr error) { return Outcome(std::move(error)); }

    bool has_value() const { return state_.index() == 0; }
    // The value; rethrows the error when there is none.
    const ResultValue<T>& value() const {
        if (!has_value()) {
            std::rethrow_exception(error());
        }
        return std::get<0>(state_);
    }
    // The error, or null when there is a value.
    std::exception_ptr error() const { return has_value() ? nullptr : std::get<1>(state_); }

private:
    explicit Outcome(ResultValue<T> value) : state_(std::in_place_index<0>, std::move(value)) {}
    explicit Outcome(std::exception_ptr error) : state_(std::in_place_index<1>, std::move(error)) {}

    std::variant<ResultValue<T>, std::exception_ptr> state_;
};

// The value a done future holds, as a ResultValue (void futures give std::monostate).
template <class F>
ResultValue<typename F::value_type> result_value(const F& future) {
    if constexpr (std::is_void_v<typename F::value_type>) {
        future.result();
        return {};
    } else {
        return future.result();
    }
}

}  // namespace loopscope
