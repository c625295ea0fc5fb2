#include "async/sleep.h"

namespace loopscope {

Coro<void> sleep(Nanos delay) {
    TaskCore& task = co_await this_task();
    if (delay <= 0) {
        co_await yield_now();
        co_return;
    }
    EventLoop& loop = task.loop();
    Future<void> wake(loop);
    Handle timer = loop.call_later(delay, [wake]() mutable {
        if (!wake.done()) {
            wake.set_result();  // futures._set_result_unless_cancelled
        }
    });
    wake.core()->set_await_target({AwaitKind::Timer, timer.id()});
    try {
        co_await wake;
    } catch (...) {
        timer.cancel();
        throw;
    }
    timer.cancel();
}

}  // namespace loopscope
