#pragma once

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "async/task_core.h"

namespace loopscope {

namespace detail {

// A result type that can be default-constructed and moved without throwing is kept as is (the
// frame is read once it finished): no optional's flag and padding, 8 bytes less in the frame
// of every Coro<Value> (a script task's host frame is one per task).
template <class T>
struct ReturnValue {
    static constexpr bool kInline =
        std::is_nothrow_default_constructible_v<T> && std::is_nothrow_move_assignable_v<T>;
    std::conditional_t<kInline, T, std::optional<T>> value{};
    template <class V>
    void return_value(V&& v) {
        if constexpr (kInline) {
            value = T(std::forward<V>(v));
        } else {
            value.emplace(std::forward<V>(v));
        }
    }
    T take() {
        if constexpr (kInline) {
            return std::move(value);
        } else {
            return std::move(*value);
        }
    }
};
template <>
struct ReturnValue<void> {
    void return_void() {}
    void take() {}
};

// The task whose step runs the calling frame. Frames run only inside a task's step, one task
// at a time per thread, so a frame need not keep its task: 8 bytes less in every frame.
inline TaskCore& stepping_task() {
    return *Scheduler::stepping()->current_task();
}

// Passes control to `next` within the running step: a symmetric transfer, or through the
// scheduler's trampoline where that is no tail call (kSymmetricTransferIsTailCall).
inline std::coroutine_handle<> hand_off(std::coroutine_handle<> next) {
    if constexpr (kSymmetricTransferIsTailCall) {
        return next;
    } else {
        Scheduler::stepping()->set_next_frame(next);
        return std::noop_coroutine();
    }
}

// The exception a finished frame let escape, for the frame awaiting it (or, for a task's top
// frame, for the step's end). It is taken before anything else runs on this thread, so the
// stepping scheduler keeps it rather than every frame: 8 bytes less in each.
inline std::exception_ptr take_finished_frame_exception() {
    return Scheduler::stepping()->take_frame_exception();
}

// What every Coro frame keeps besides its result: the frame awaiting it.
struct FrameBase {
    std::coroutine_handle<> continuation;  // the awaiting frame; none for a task's top frame

    // A frame starts suspended; its first resumption may have an exception to throw at once
    // (a task cancelled before its first step).
    struct StartAwaiter {
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        void await_resume() const {
            if (Scheduler* scheduler = Scheduler::stepping()) {
                if (auto error = scheduler->take_step_exception()) {
                    std::rethrow_exception(error);
                }
            }
        }
    };
    // At the end, control goes back to the awaiting frame, or to the task's step.
    struct EndAwaiter {
        bool await_ready() const noexcept { return false; }
        template <class Promise>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> self) const noexcept {
            FrameBase& frame = self.promise();
            if (frame.continuation) {
                return hand_off(frame.continuation);
            }
            return std::noop_coroutine();
        }
        void await_resume() const noexcept {}
    };

    StartAwaiter initial_suspend() noexcept { return {}; }
    EndAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {
        Scheduler::stepping()->set_frame_exception(std::current_exception());
    }
};

}  // namespace detail

// A lazy C++ coroutine in asyncio's sense: `co_await some_coro()` runs it inside the current
// task's step, and create_task(scheduler, some_coro()) makes it a task of its own.
template <class T = void>
class [[nodiscard]] Coro {
public:
    struct promise_type : detail::FrameBase, detail::ReturnValue<T> {
        Coro get_return_object() {
            return Coro(std::coroutine_handle<promise_type>::from_promise(*this));
        }
    };
    using Handle = std::coroutine_handle<promise_type>;

    Coro(Coro&& other) noexcept : frame_(std::exchange(other.frame_, {})) {}
    Coro& operator=(Coro&& other) noexcept {
        if (this != &other) {
            destroy();
            frame_ = std::exchange(other.frame_, {});
        }
        return *this;
    }
    ~Coro() { destroy(); }

    // Awaiting a coroutine runs it now, in the awaiting task; its result or exception comes back.
    struct Awaiter {
        Handle child;
        bool await_ready() const noexcept { return false; }
        template <class Promise>
        std::coroutine_handle<> await_suspend(
            std::coroutine_handle<Promise> parent) const noexcept {
            child.promise().continuation = parent;
            return detail::hand_off(child);
        }
        T await_resume() const {
            if (auto error = detail::take_finished_frame_exception()) {
                std::rethrow_exception(error);
            }
            return child.promise().take();
        }
    };
    Awaiter operator co_await() const& noexcept { return Awaiter{frame_}; }

    Handle frame() const { return frame_; }
    Handle release() { return std::exchange(frame_, {}); }

private:
    explicit Coro(Handle frame) : frame_(frame) {}
    void destroy() {
        if (frame_) {
            frame_.destroy();
        }
    }
    Handle frame_;
};

// `TaskCore& task = co_await this_task();` — the task running this frame, without suspending.
struct this_task {
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    TaskCore& await_resume() const noexcept { return detail::stepping_task(); }
};

// A bare yield: the task steps again in the next loop iteration (asyncio's sleep(0)).
struct yield_now {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> frame) const {
        detail::stepping_task().yield(frame);
    }
    void await_resume() const {
        if (auto error = Scheduler::stepping()->take_step_exception()) {
            std::rethrow_exception(error);
        }
    }
};

template <class T>
struct FutureAwaiter {
    FutureRef<FutureCore> future;
    const ResultSlot<T>* slot;
    bool suspended = false;

    // `await` on a done future returns without suspending.
    bool await_ready() const noexcept { return future->done(); }
    void await_suspend(std::coroutine_handle<> frame) {
        suspended = true;
        detail::stepping_task().wait_on(*future, frame);
    }
    decltype(auto) await_resume() const {
        if (suspended) {
            if (auto error = Scheduler::stepping()->take_step_exception()) {
                std::rethrow_exception(error);
            }
        }
        return result_of<T>(*future, *slot);
    }
};

template <class T>
FutureAwaiter<T> Future<T>::operator co_await() const {
    return FutureAwaiter<T>{state_, slot_};
}

}  // namespace loopscope
