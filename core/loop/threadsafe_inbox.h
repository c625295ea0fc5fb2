#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "loop/callback.h"
#include "trace/event.h"

namespace loopscope {

// A callback posted from another thread, with a flag the poster may set to cancel it.
struct PostedCallback {
    Callback callback;
    trace::Label label = 0;
    std::shared_ptr<std::atomic<bool>> cancelled;
};

// Callbacks posted from other threads, and the eventfd that wakes the loop for them.
//
// Wake-ups are coalesced: only the post that finds the inbox unsignalled writes to the eventfd,
// so a burst of a thousand posts costs one write and one wake-up. The loop clears the signal
// before taking the posts, so a post that races with `take_all` either is taken or writes again.
class ThreadsafeInbox {
public:
    ThreadsafeInbox();
    ~ThreadsafeInbox();
    ThreadsafeInbox(const ThreadsafeInbox&) = delete;
    ThreadsafeInbox& operator=(const ThreadsafeInbox&) = delete;

    int descriptor() const { return event_fd_; }

    void post(PostedCallback posted);        // any thread
    void wake();                             // any thread: make a blocked poll return
    void on_descriptor_ready();              // loop thread: consume the eventfd counter
    std::vector<PostedCallback> take_all();  // loop thread

    // Whether a post (or a wake-up) arrived that the loop has not taken yet.
    bool signalled() const { return signalled_.load(std::memory_order_acquire); }

    // eventfd writes made so far (for tests of coalescing).
    std::uint64_t writes() const { return writes_.load(std::memory_order_relaxed); }

private:
    void signal();

    int event_fd_ = -1;
    std::atomic<bool> signalled_{false};
    std::atomic<std::uint64_t> writes_{0};
    std::mutex mutex_;
    std::vector<PostedCallback> posts_;
    // Whether posts_ holds anything, written under mutex_: take_all runs every iteration and
    // nearly always finds nothing, which this tells it without taking the lock.
    std::atomic<bool> has_posts_{false};
};

}  // namespace loopscope
