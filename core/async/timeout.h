#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "async/coro.h"
#include "async/outcome.h"
#include "loop/time.h"

namespace loopscope {

// asyncio.Timeout, the object `async with asyncio.timeout(d)` enters: when its deadline passes
// inside the scope, the task is cancelled, and leaving the scope turns that CancelledError into
// TimeoutError, unless other cancel requests are still outstanding (the count uncancel()
// returns is above the one seen on entry): then the CancelledError goes on, so that only the
// outermost expired scope converts.
//
// C++ has no `async with`, so the scope is entered and left explicitly, from inside a task:
//
//     TimeoutScope scope = timeout(scheduler, seconds(1));
//     scope.enter();                              // __aenter__
//     std::exception_ptr error;
//     try {
//         co_await work();
//     } catch (...) {
//         error = std::current_exception();       // no co_await inside a handler
//     }
//     scope.exit(error);                          // __aexit__, then what `async with` does next
//
// or, for a whole coroutine, `co_await with_timeout(seconds(1), work())`. Neither enter nor
// exit suspends (neither does CPython's), so a scope costs no loop iteration.
//
// A TimeoutScope is a handle: copies refer to the same scope, so the body may reschedule it.
class TimeoutScope {
public:
    // Timeout(when): a deadline in loop time, or none (never expires).
    TimeoutScope(Scheduler& scheduler, std::optional<Nanos> when);

    std::optional<Nanos> when() const;
    // Moves the deadline (none: never); only while entered. A deadline already past expires
    // the scope in the next iteration (call_soon), as CPython does.
    void reschedule(std::optional<Nanos> when);
    // Whether the deadline passed while the scope was entered.
    bool expired() const;
    // "<Timeout [active] when=1.5>" and the like, as repr() prints it.
    std::string repr() const;
    std::uint32_t id() const;

    // __aenter__: binds the scope to the current task and arms the deadline.
    void enter();
    // __aexit__ followed by what `async with` does: throws TimeoutError (caused by `error`)
    // if this scope's expiry cancelled the body, rethrows `error` if there is one, and returns
    // only when the body ended normally.
    void exit(std::exception_ptr error);

private:
    struct State;
    std::shared_ptr<State> state_;
};

// asyncio.timeout(delay): a scope whose deadline is `delay` from now (none: never).
TimeoutScope timeout(Scheduler& scheduler, std::optional<Nanos> delay);
// asyncio.timeout_at(when): a scope with an absolute deadline in loop time.
TimeoutScope timeout_at(Scheduler& scheduler, std::optional<Nanos> when);

// `async with scope: return await body` in one call.
template <class T>
Coro<T> with_timeout(TimeoutScope scope, Coro<T> body) {
    scope.enter();
    std::exception_ptr error;
    std::optional<ResultValue<T>> value;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await body;
        } else {
            value.emplace(co_await body);
        }
    } catch (...) {
        error = std::current_exception();
    }
    scope.exit(error);
    if constexpr (!std::is_void_v<T>) {
        co_return std::move(*value);
    }
}

// `async with asyncio.timeout(delay): return await body`.
template <class T>
Coro<T> with_timeout(std::optional<Nanos> delay, Coro<T> body) {
    TaskCore& task = co_await this_task();
    co_return co_await with_timeout(timeout(task.scheduler(), delay), std::move(body));
}

}  // namespace loopscope
