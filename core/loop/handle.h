#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "loop/time.h"

namespace loopscope {

class EventLoop;

// What call_soon / call_later / call_at return: a reference to a scheduled callback that can
// cancel it. Copies refer to the same callback. Cheap to copy; stays safe to use after the
// callback ran (cancel then does nothing).
class Handle {
public:
    Handle() = default;

    // Cancels the callback if it has not run yet. Returns whether this call cancelled it.
    // Loop thread only.
    bool cancel();
    std::uint32_t id() const { return id_; }  // the handle's id in the trace
    Nanos when() const { return when_; }      // the deadline of a timer, 0 otherwise
    explicit operator bool() const { return loop_ != nullptr; }

private:
    friend class EventLoop;
    Handle(EventLoop* loop, std::uint32_t slot, std::uint32_t generation, std::uint32_t id,
           Nanos when)
        : loop_(loop), slot_(slot), generation_(generation), id_(id), when_(when) {}

    EventLoop* loop_ = nullptr;
    std::uint32_t slot_ = 0;
    std::uint32_t generation_ = 0;
    std::uint32_t id_ = 0;
    Nanos when_ = 0;
};

// What call_soon_threadsafe returns: cancellable from any thread.
class ThreadsafeHandle {
public:
    ThreadsafeHandle() = default;
    explicit ThreadsafeHandle(std::shared_ptr<std::atomic<bool>> cancelled)
        : cancelled_(std::move(cancelled)) {}

    bool cancel() { return cancelled_ && !cancelled_->exchange(true); }
    bool cancelled() const { return cancelled_ && cancelled_->load(); }

private:
    std::shared_ptr<std::atomic<bool>> cancelled_;
};

}  // namespace loopscope
