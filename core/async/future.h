#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "errors.h"
#include "loop/event_loop.h"

namespace loopscope {

enum class FutureStatus : std::uint8_t { Pending, Cancelled, Finished };

// The state every future shares, whatever its result type: status, exception, cancel message
// and done-callbacks. Callbacks are never called inline: when the future completes, each is
// scheduled with call_soon in registration order (asyncio's Future.__schedule_callbacks).
class FutureCore {
public:
    explicit FutureCore(EventLoop& loop) : loop_(&loop) {}
    virtual ~FutureCore() = default;
    FutureCore(const FutureCore&) = delete;
    FutureCore& operator=(const FutureCore&) = delete;

    EventLoop& loop() const { return *loop_; }
    FutureStatus status() const { return status_; }
    bool done() const { return status_ != FutureStatus::Pending; }
    bool cancelled() const { return status_ == FutureStatus::Cancelled; }

    // Pending → Cancelled; false if already done.
    virtual bool cancel(std::string message = {});
    void set_exception(std::exception_ptr exception);

    // The exception, or null; CancelledError if cancelled; InvalidStateError if pending.
    std::exception_ptr exception() const;

    std::uint64_t add_done_callback(Callback callback);
    std::size_t remove_done_callback(std::uint64_t token);

    const std::string& cancel_message() const { return cancel_message_; }

protected:
    void check_pending() const {
        if (status_ != FutureStatus::Pending) {
            throw InvalidStateError("invalid state");
        }
    }
    void finish() {
        status_ = FutureStatus::Finished;
        schedule_callbacks();
    }
    // Throws what result() throws when there is no value to return.
    void throw_unless_value() const;

private:
    void schedule_callbacks();

    EventLoop* loop_;
    FutureStatus status_ = FutureStatus::Pending;
    std::exception_ptr exception_;
    std::string cancel_message_;
    std::vector<std::pair<std::uint64_t, Callback>> callbacks_;
    std::uint64_t next_token_ = 1;
};

template <class T>
class FutureState final : public FutureCore {
public:
    using FutureCore::FutureCore;

    void set_result(T value) {
        check_pending();
        value_.emplace(std::move(value));
        finish();
    }
    const T& result() const {
        throw_unless_value();
        return *value_;
    }

private:
    std::optional<T> value_;
};

template <>
class FutureState<void> final : public FutureCore {
public:
    using FutureCore::FutureCore;

    void set_result() {
        check_pending();
        finish();
    }
    void result() const { throw_unless_value(); }
};

// asyncio.Future: a shared handle to a result that will arrive on the loop's thread.
// Copies refer to the same future.
template <class T>
class Future {
public:
    explicit Future(EventLoop& loop) : state_(std::make_shared<FutureState<T>>(loop)) {}

    bool done() const { return state_->done(); }
    bool cancelled() const { return state_->cancelled(); }
    bool cancel(std::string message = {}) { return state_->cancel(std::move(message)); }
    template <class... V>
    void set_result(V&&... value) {
        state_->set_result(std::forward<V>(value)...);
    }
    void set_exception(std::exception_ptr exception) { state_->set_exception(exception); }
    decltype(auto) result() const { return state_->result(); }
    std::exception_ptr exception() const { return state_->exception(); }
    std::uint64_t add_done_callback(Callback callback) {
        return state_->add_done_callback(std::move(callback));
    }
    std::size_t remove_done_callback(std::uint64_t token) {
        return state_->remove_done_callback(token);
    }
    EventLoop& loop() const { return state_->loop(); }
    const std::shared_ptr<FutureState<T>>& state() const { return state_; }

private:
    std::shared_ptr<FutureState<T>> state_;
};

}  // namespace loopscope
