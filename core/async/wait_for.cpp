#include "async/wait_for.h"

namespace loopscope::detail {

Coro<void> cancel_and_wait(FutureRef<FutureCore> future) {
    Future<void> waiter(future->loop());
    // The task waits for `future` to finish cancelling: show that edge, not the private waiter.
    const bool is_task = dynamic_cast<const TaskCore*>(future.get()) != nullptr;
    waiter.core()->set_await_target({is_task ? AwaitKind::Task : AwaitKind::Future, future->id()});
    const std::uint64_t token = future->add_done_callback([waiter]() mutable {
        if (!waiter.done()) {
            waiter.set_result();  // _release_waiter
        }
    });
    struct RemoveCallback {  // the `finally:`
        FutureCore& future;
        std::uint64_t token;
        ~RemoveCallback() { future.remove_done_callback(token); }
    } remove_callback{*future, token};
    future->cancel();
    co_await waiter;
}

}  // namespace loopscope::detail
