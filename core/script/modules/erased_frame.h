#pragma once

#include <coroutine>
#include <exception>
#include <utility>

#include "async/coro.h"

namespace loopscope::script {

// A lazy C++ coroutine (a Coro<T> of the scheduler: a lock's acquire(), a queue's get()) with
// its result type erased, so that a task's host can co_await any of them through this one
// type instead of through a Coro<Value> that awaits it and converts the result: that wrapper
// was a second coroutine frame per await. Whoever made it reads the result back with the type
// it knows (result<T>()).
//
// Awaiting it runs it inside the awaiting task, exactly as `co_await coro` does (the same
// frame fields, the same hand-off), and rethrows what it threw.
class ErasedFrame {
public:
    template <class T>
    explicit ErasedFrame(Coro<T> coro) {
        typename Coro<T>::Handle handle = coro.release();
        frame_ = &handle.promise();
        handle_ = handle;
    }
    ErasedFrame(ErasedFrame&& other) noexcept
        : handle_(std::exchange(other.handle_, {})), frame_(std::exchange(other.frame_, nullptr)) {}
    ErasedFrame& operator=(ErasedFrame&& other) noexcept {
        if (this != &other) {
            destroy();
            handle_ = std::exchange(other.handle_, {});
            frame_ = std::exchange(other.frame_, nullptr);
        }
        return *this;
    }
    ErasedFrame(const ErasedFrame&) = delete;
    ErasedFrame& operator=(const ErasedFrame&) = delete;
    ~ErasedFrame() { destroy(); }

    struct Awaiter {
        ErasedFrame* child;
        bool await_ready() const noexcept { return false; }
        template <class Promise>
        std::coroutine_handle<> await_suspend(
            std::coroutine_handle<Promise> parent) const noexcept {
            child->frame_->continuation = parent;
            return detail::hand_off(child->handle_);
        }
        void await_resume() const {
            if (auto error = detail::take_finished_frame_exception()) {
                std::rethrow_exception(error);
            }
        }
    };
    Awaiter operator co_await() & noexcept { return Awaiter{this}; }

    // The finished coroutine's result; T is the type it was made with.
    template <class T>
    T result() {
        return Coro<T>::Handle::from_address(handle_.address()).promise().take();
    }

private:
    void destroy() {
        if (handle_) {
            handle_.destroy();
        }
    }
    std::coroutine_handle<> handle_;
    detail::FrameBase* frame_ = nullptr;
};

}  // namespace loopscope::script
