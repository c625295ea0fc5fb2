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

// What every Coro frame knows: the task running it, the frame awaiting it, its exception.
struct FrameBase {
    TaskCore* task = nullptr;
    std::coroutine_handle<> continuation;  // the awaiting frame; none for a task's top frame
    std::exception_ptr exception;

    // A frame starts suspended (lazy). When it first runs, it may have to throw at once: a
    // task cancelled before its first step never runs its body. Only a task's step resumes
    // frames, so the exception is the stepping scheduler's; asking the scheduler rather than
    // this frame's task keeps the awaiter empty, and every frame 8 bytes smaller (a sleeping
    // task's top frame from 80 to 72 bytes, one allocator size class down).
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
                return frame.task->hand_off(frame.continuation);
            }
            return std::noop_coroutine();
        }
        void await_resume() const noexcept {}
    };

    StartAwaiter initial_suspend() noexcept { return {}; }
    EndAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { exception = std::current_exception(); }
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
            detail::FrameBase& frame = child.promise();
            frame.task = parent.promise().task;
            frame.continuation = parent;
            return frame.task->hand_off(child);
        }
        T await_resume() const {
            if (child.promise().exception) {
                std::rethrow_exception(child.promise().exception);
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
    TaskCore* task = nullptr;
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        task = frame.promise().task;
        return false;  // resume at once
    }
    TaskCore& await_resume() const noexcept { return *task; }
};

// A bare yield: the task steps again in the next loop iteration (asyncio's sleep(0)).
struct yield_now {
    TaskCore* task = nullptr;
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        task = frame.promise().task;
        task->yield(frame);
    }
    void await_resume() const {
        if (auto error = task->take_exception_to_throw()) {
            std::rethrow_exception(error);
        }
    }
};

template <class T>
struct FutureAwaiter {
    FutureRef<FutureCore> future;
    const ResultSlot<T>* slot;
    TaskCore* task = nullptr;

    // `await` on a done future returns without suspending.
    bool await_ready() const noexcept { return future->done(); }
    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        task = frame.promise().task;
        task->wait_on(*future, frame);
    }
    decltype(auto) await_resume() const {
        if (task != nullptr) {
            if (auto error = task->take_exception_to_throw()) {
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
