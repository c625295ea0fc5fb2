#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <utility>

#include "async/future.h"
#include "async/task_core.h"
#include "loop/time.h"
#include "script/modules/erased_frame.h"
#include "script/objects/object.h"

namespace loopscope::script {

// The wait a script task's host is in (task_host.cpp): one awaiter for every kind of wait a
// host awaitable can hand over, so the host's coroutine frame, which lives as long as its task,
// holds one object of 32 bytes instead of a slot per kind and per awaiter (g++ gives each local
// and each co_await's awaiter of a coroutine its own place in the frame).
//
// Each kind waits exactly as the C++ operation it replaces, with the same scheduler calls:
// - Ready: no wait (a value there at once);
// - Sleep: `co_await loopscope::sleep(delay)`;
// - Frame: `co_await coro` of a C++ coroutine (ErasedFrame), inside the task, whose result the
//   awaitable converts; Coroutine: the same for the awaitable's own Coro<Value>;
// - Future: `co_await future` of a Future<void> (a primitive's waiter), whose outcome the
//   awaitable turns into its own.
class HostWait {
public:
    enum class Kind : std::uint8_t { None, Ready, Sleep, Frame, Coroutine, Future };

    HostWait() noexcept {}  // NOLINT: the union's members are set by the setters
    HostWait(const HostWait&) = delete;
    HostWait& operator=(const HostWait&) = delete;
    ~HostWait() { clear(); }

    void ready() {
        clear();
        kind_ = Kind::Ready;
    }
    void sleep(Nanos delay) {
        clear();
        delay_ = delay;
        kind_ = Kind::Sleep;
    }
    void frame(ErasedFrame frame, Kind kind = Kind::Frame) {
        clear();
        new (&frame_) ErasedFrame(std::move(frame));
        kind_ = kind;
    }
    void coroutine(Coro<Value> coroutine) {
        frame(ErasedFrame(std::move(coroutine)), Kind::Coroutine);
    }
    void future(FutureRef<FutureCore> future) {
        clear();
        new (&future_) FutureRef<FutureCore>(std::move(future));
        kind_ = Kind::Future;
        suspended_ = false;
    }
    // Ends the wait: a coroutine's frame is destroyed, a future released.
    void clear() noexcept {
        if (kind_ == Kind::Frame || kind_ == Kind::Coroutine) {
            frame_.~ErasedFrame();
        } else if (kind_ == Kind::Future) {
            future_.~FutureRef();
        }
        kind_ = Kind::None;
    }

    Kind kind() const { return kind_; }
    // asyncio.sleep(0): the task yields and waits on nothing (no future, no timer).
    bool bare_yield() const { return kind_ == Kind::Sleep && delay_ <= 0; }
    // The task the host runs in, learnt by a first `co_await` of the wait while it is None
    // (which does not suspend): the host's frame keeps no reference of its own.
    TaskCore& task() const { return *task_; }
    // Kind::Frame, Kind::Coroutine: the coroutine, finished once the co_await returned.
    ErasedFrame& erased_frame() { return frame_; }
    // Kind::Future: the future waited on.
    FutureCore& waiter() const { return *future_; }

    bool await_ready() const noexcept {
        return kind_ == Kind::Ready || (kind_ == Kind::Future && future_->done());
    }
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> host) {
        switch (kind_) {
            case Kind::Sleep:  // as loopscope::Sleep
                if (delay_ <= 0) {
                    task_->yield(host);
                } else {
                    task_->sleep_for(delay_, host);
                }
                return std::noop_coroutine();
            case Kind::Future:  // as FutureAwaiter
                suspended_ = true;
                task_->wait_on(*future_, host);
                return std::noop_coroutine();
            case Kind::Frame:
            case Kind::Coroutine:  // as ErasedFrame::Awaiter
                return ErasedFrame::Awaiter{&frame_}.await_suspend(host);
            default:  // Kind::None: learns the task, and goes on at once
                task_ = &detail::stepping_task();
                return host;
        }
    }
    void await_resume() const {
        switch (kind_) {
            case Kind::Sleep:
                if (delay_ > 0) {
                    task_->end_sleep();
                }
                rethrow_step_exception();
                break;
            case Kind::Future:
                if (suspended_) {
                    rethrow_step_exception();
                }
                future_->throw_unless_value();
                break;
            case Kind::Frame:
            case Kind::Coroutine:
                ErasedFrame::Awaiter{const_cast<ErasedFrame*>(&frame_)}.await_resume();
                break;
            default:
                break;
        }
    }

private:
    void rethrow_step_exception() const {
        if (auto error = task_->take_exception_to_throw()) {
            std::rethrow_exception(error);
        }
    }

    union {
        Nanos delay_;                   // Sleep (0 or less: a bare yield)
        ErasedFrame frame_;             // Frame
        FutureRef<FutureCore> future_;  // Future
    };
    TaskCore* task_ = nullptr;  // the host's task (see task())
    Kind kind_ = Kind::None;
    bool suspended_ = false;  // Future: it was not done, the task waited on it
};

}  // namespace loopscope::script
