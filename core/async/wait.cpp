#include "async/wait.h"

namespace loopscope::detail {

namespace {

// What the done-callbacks and the timer share while one wait is in progress.
struct WaitProgress {
    Future<void> waiter;
    std::size_t remaining;
    ReturnWhen return_when;
    Handle timeout_handle;

    // _release_waiter: the first release wins.
    void release() {
        if (!waiter.done()) {
            waiter.set_result();
        }
    }
    // _on_completion for a future that just finished.
    void on_completion(const FutureCore& future) {
        --remaining;
        const bool failed = !future.cancelled() && future.exception() != nullptr;
        if (remaining == 0 || return_when == ReturnWhen::FirstCompleted ||
            (return_when == ReturnWhen::FirstException && failed)) {
            timeout_handle.cancel();
            release();
        }
    }
};

// The `finally:` of _wait, as a destructor so it also runs when the waiting frame is destroyed
// unfinished: no callback or timer may outlive the wait.
struct Registrations {
    std::shared_ptr<WaitProgress> progress;
    std::vector<std::pair<FutureRef<FutureCore>, std::uint64_t>> callbacks;

    ~Registrations() {
        progress->timeout_handle.cancel();
        for (auto& [future, token] : callbacks) {
            future->remove_done_callback(token);
        }
    }
};

}  // namespace

Coro<void> wait_for_completions(std::vector<FutureRef<FutureCore>> futures,
                                std::optional<Nanos> timeout, ReturnWhen return_when) {
    EventLoop& loop = futures.front()->loop();
    auto progress = std::make_shared<WaitProgress>(
        WaitProgress{Future<void>(loop), futures.size(), return_when, Handle{}});
    progress->waiter.core()->set_await_target({AwaitKind::Wait, progress->waiter.id()});
    if (timeout) {
        progress->timeout_handle = loop.call_later(*timeout, [progress] { progress->release(); });
    }
    Registrations registrations{progress, {}};
    for (const FutureRef<FutureCore>& future : futures) {
        // The callback may hold its future: Registrations removes it whatever happens.
        const std::uint64_t token =
            future->add_done_callback([progress, future] { progress->on_completion(*future); });
        registrations.callbacks.emplace_back(future, token);
    }
    const Future<void> waiter = progress->waiter;
    co_await waiter;
}

}  // namespace loopscope::detail
