#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace loopscope::script {

// The Runtime's lock, CPython's GIL in miniature: object refcounts are not atomic and the VM
// is not re-entrant across threads, so one thread at a time may touch Python objects.
//
// Who holds it:
//   - the thread running asyncio.run holds it for the whole run, except while the event loop
//     really waits (epoll_wait: the clock asks it to block) and during time.sleep();
//   - an executor worker running a Python function (asyncio.to_thread, run_in_executor) takes
//     it for the call and gives it up during time.sleep() inside that function.
// So a to_thread job whose function sleeps lets the loop run other tasks meanwhile, and a job
// that computes without sleeping holds the loop up until it finishes (CPython would switch
// every 5 ms; Loopscope does not preempt bytecode).
//
// Outside any asyncio.run nobody contends for it: no worker thread exists then.
class InterpreterLock {
public:
    // Blocks until this thread holds the lock (no-op if it already does).
    void acquire();
    // Gives the lock up if this thread holds it.
    void release();
    bool held_by_this_thread() const { return owner_.load() == std::this_thread::get_id(); }

    // Holds the lock for a scope; a no-op when this thread holds it already.
    class Hold {
    public:
        explicit Hold(InterpreterLock& lock) : lock_(lock), acquired_(!lock.held_by_this_thread()) {
            if (acquired_) {
                lock_.acquire();
            }
        }
        ~Hold() {
            if (acquired_) {
                lock_.release();
            }
        }
        Hold(const Hold&) = delete;
        Hold& operator=(const Hold&) = delete;

    private:
        InterpreterLock& lock_;
        bool acquired_;
    };

    // Gives the lock up for a scope (a blocking call); a no-op when this thread does not hold it.
    class Release {
    public:
        explicit Release(InterpreterLock& lock)
            : lock_(lock), released_(lock.held_by_this_thread()) {
            if (released_) {
                lock_.release();
            }
        }
        ~Release() {
            if (released_) {
                lock_.acquire();
            }
        }
        Release(const Release&) = delete;
        Release& operator=(const Release&) = delete;

    private:
        InterpreterLock& lock_;
        bool released_;
    };

private:
    std::mutex mutex_;
    std::condition_variable free_;
    std::atomic<std::thread::id> owner_{};
};

}  // namespace loopscope::script
