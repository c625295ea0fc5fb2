#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "async/future_ref.h"
#include "errors.h"
#include "loop/event_loop.h"

namespace loopscope {

enum class FutureStatus : std::uint8_t { Pending, Cancelled, Finished };

// What a waiting task waits on, as the trace names it (the edge task → object).
enum class AwaitKind : std::uint8_t {
    Future,
    Timer,
    Task,
    Gather,
    TaskGroup,
    Lock,
    Semaphore,
    Event,
    Condition,
    Queue,
    ExecutorJob,
    Shield,
    Wait,
};
struct AwaitTarget {
    AwaitKind kind;
    std::uint32_t object;  // trace id of the timer handle, lock, queue, job ...
};
static_assert(sizeof(AwaitTarget) == 8);

// The state every future shares, whatever its result type: status, exception, cancel message
// and done-callbacks. Callbacks are never called inline: when the future completes, each is
// scheduled with call_soon in registration order (asyncio's Future.__schedule_callbacks).
// Made by make_future and held by Refs (ref.h).
class FutureCore {
public:
    explicit FutureCore(EventLoop& loop) : loop_(&loop), id_(loop.next_object_id()) {}
    virtual ~FutureCore() = default;
    FutureCore(const FutureCore&) = delete;
    FutureCore& operator=(const FutureCore&) = delete;

    // One more reference to this future (std::enable_shared_from_this's shared_from_this()).
    FutureRef<FutureCore> ref() { return FutureRef<FutureCore>::to(this); }

    EventLoop& loop() const { return *loop_; }
    std::uint32_t id() const { return id_; }  // its noun in the trace
    FutureStatus status() const { return status_; }
    bool done() const { return status_ != FutureStatus::Pending; }
    bool cancelled() const { return status_ == FutureStatus::Cancelled; }

    // Pending → Cancelled; false if already done. Tasks and gathers override it.
    virtual bool cancel(std::optional<std::string> message = std::nullopt);
    void set_exception(std::exception_ptr exception);

    // The exception, or null; throws CancelledError if cancelled, InvalidStateError if pending.
    std::exception_ptr exception() const;
    // Throws what result() throws when there is no value to return.
    void throw_unless_value() const;
    // The CancelledError result() raises for a cancelled future.
    CancelledError make_cancelled_error() const;

    // `owner`: the task this callback wakes, if it is a task's wake-up (for the trace).
    std::uint64_t add_done_callback(Callback callback, std::uint32_t owner = 0);
    std::size_t remove_done_callback(std::uint64_t token);

    // The message passed to cancel(); empty when none was (Python's None).
    std::optional<std::string> cancel_message() const {
        return rare_ ? rare_->cancel_message : std::nullopt;
    }

    // What a task awaiting this future is said to wait on in the trace: a timer for sleep(),
    // a lock for Lock.acquire(), ... By default, the future itself.
    AwaitTarget await_target() const {
        return target_object_ != 0 ? AwaitTarget{target_kind_, target_object_}
                                   : AwaitTarget{AwaitKind::Future, id_};
    }
    void set_await_target(AwaitTarget target) {
        target_kind_ = target.kind;
        target_object_ = target.object;
    }
    // Tasks whose await ends when this future is done: the trace marks them ready then.
    void add_waiting_task(std::uint32_t task);

    // For the typed wrappers that store the value before completing.
    void check_pending() const {
        if (status_ != FutureStatus::Pending) {
            throw InvalidStateError("invalid state");
        }
    }
    void finish() {
        status_ = FutureStatus::Finished;
        schedule_callbacks();
    }

protected:
    // A task whose coroutine let CancelledError escape is cancelled with that very error.
    void cancel_with(CancelledError error);
    // The message of a cancel requested of a task and not delivered yet (TaskCore), kept with
    // the other rare fields: null when none, or when the request had no message.
    const std::string* pending_cancel_message() const {
        return rare_ && rare_->pending_cancel_message ? &*rare_->pending_cancel_message : nullptr;
    }
    void set_pending_cancel_message(std::optional<std::string> message) {
        if (message || rare_) {
            rare().pending_cancel_message = std::move(message);
        }
    }

private:
    void schedule_callbacks();

    struct DoneCallback {
        std::uint32_t token = 0;  // 0: empty
        std::uint32_t owner = 0;
        Callback callback;
    };
    // What few futures need, behind one pointer (8 bytes where the three vectors and strings
    // would take 96): an exception (also the CancelledError a task was cancelled with), a
    // cancel message, done-callbacks and waiting tasks beyond the first, and a task's pending
    // cancel message. A future that fails or is cancelled with a message costs one allocation
    // more; every future, and so every task, is 8 bytes smaller (a task 128, not 136).
    struct Rare {
        std::exception_ptr exception;
        std::optional<std::string> cancel_message;  // none: None
        std::vector<DoneCallback> more_callbacks;
        std::vector<std::uint32_t> more_waiting_tasks;
        std::optional<std::string> pending_cancel_message;
    };
    Rare& rare() {
        if (!rare_) {
            rare_ = std::make_unique<Rare>();
        }
        return *rare_;
    }

    // Laid out for size: a future is part of every task and most waits (80 bytes; 88 with its
    // reference counts). Almost every future has one done-callback and one waiting task, so the
    // first of each is stored inline and the rest in `rare_`.
    EventLoop* loop_;
    std::unique_ptr<Rare> rare_;
    DoneCallback first_callback_;
    std::uint32_t id_;
    std::uint32_t first_waiting_task_ = 0;
    // The await target, its two fields apart so the one-byte ones pack with the status and a
    // task's flags into 80 bytes, where an AwaitTarget's padding made 88.
    std::uint32_t target_object_ = 0;  // 0: the future itself
    AwaitKind target_kind_ = AwaitKind::Future;
    FutureStatus status_ = FutureStatus::Pending;
};

// Where a typed result lives; `void` has none.
template <class T>
class ResultSlot {
    // A result type that can be default-constructed and moved without throwing is kept as is:
    // the future's status says whether it was set. No optional's flag and padding: 8 bytes
    // less per task for a script's tasks (whose results are script Values).
    static constexpr bool kInline =
        std::is_nothrow_default_constructible_v<T> && std::is_nothrow_move_assignable_v<T>;

public:
    void store(T value) {
        if constexpr (kInline) {
            value_ = std::move(value);
        } else {
            value_.emplace(std::move(value));
        }
    }
    const T& get() const {
        if constexpr (kInline) {
            return value_;
        } else {
            return *value_;
        }
    }

private:
    std::conditional_t<kInline, T, std::optional<T>> value_{};
};
template <>
class ResultSlot<void> {};

template <class T>
class FutureState : public FutureCore, public ResultSlot<T> {
public:
    using FutureCore::FutureCore;
};

// set_result / result for any core that carries a ResultSlot<T>.
template <class T, class... V>
void set_result_on(FutureCore& core, ResultSlot<T>& slot, V&&... value) {
    core.check_pending();
    if constexpr (!std::is_void_v<T>) {
        slot.store(T(std::forward<V>(value)...));
    }
    core.finish();
}
template <class T>
decltype(auto) result_of(const FutureCore& core, const ResultSlot<T>& slot) {
    core.throw_unless_value();
    if constexpr (!std::is_void_v<T>) {
        return slot.get();
    }
}

// Suspends the awaiting task until `future` is done, then returns its result. Defined with
// the task machinery (task.h), which a coroutine awaiting a future always includes.
template <class T>
struct FutureAwaiter;

// asyncio.Future: a shared handle to a result that will arrive on the loop's thread.
// Copies refer to the same future.
template <class T>
class Future {
public:
    using value_type = T;

    explicit Future(EventLoop& loop) {
        auto state = make_future<FutureState<T>>(loop);
        slot_ = state.get();
        state_ = std::move(state);
    }
    // Any shared state that is a FutureCore with a ResultSlot<T> (a TaskState<T>, ...).
    template <class State>
    explicit Future(FutureRef<State> state) : state_(state), slot_(state.get()) {}
    // A handle on a state whose result slot is kept apart (an embedding that holds the two, not
    // a Future, to save the optional around it).
    Future(FutureRef<FutureCore> state, ResultSlot<T>* slot)
        : state_(std::move(state)), slot_(slot) {}

    bool done() const { return state_->done(); }
    bool cancelled() const { return state_->cancelled(); }
    bool cancel(std::optional<std::string> message = std::nullopt) {
        return state_->cancel(std::move(message));
    }
    template <class... V>
    void set_result(V&&... value) {
        set_result_on<T>(*state_, *slot_, std::forward<V>(value)...);
    }
    void set_exception(std::exception_ptr exception) { state_->set_exception(exception); }
    decltype(auto) result() const { return result_of<T>(*state_, *slot_); }
    std::exception_ptr exception() const { return state_->exception(); }
    std::uint64_t add_done_callback(Callback callback) {
        return state_->add_done_callback(std::move(callback));
    }
    std::size_t remove_done_callback(std::uint64_t token) {
        return state_->remove_done_callback(token);
    }
    EventLoop& loop() const { return state_->loop(); }
    std::uint32_t id() const { return state_->id(); }
    const FutureRef<FutureCore>& core() const { return state_; }
    ResultSlot<T>* slot() const { return slot_; }

    FutureAwaiter<T> operator co_await() const;

    friend bool operator==(const Future& a, const Future& b) { return a.state_ == b.state_; }

protected:
    FutureRef<FutureCore> state_;
    ResultSlot<T>* slot_ = nullptr;
};

}  // namespace loopscope
