#pragma once

#include "async/task.h"

namespace loopscope {

// asyncio.run for native coroutines: runs `main` as a task (Task-1 on a fresh scheduler) until
// it is done, then cancels whatever tasks are left and lets them finish, as asyncio.run does.
// Returns main's result or throws its exception.
template <class T>
T run(Scheduler& scheduler, Coro<T> main, std::string_view name = "main") {
    EventLoop& loop = scheduler.loop();
    Task<T> task = create_task(scheduler, std::move(main), {}, name);
    struct CancelLeftovers {
        Scheduler& scheduler;
        ~CancelLeftovers() {
            auto pending = scheduler.all_tasks();
            if (pending.empty()) {
                return;
            }
            for (const auto& left : pending) {
                left->cancel();
            }
            // Let each cancelled task unwind (its finally blocks run), bounded like a drain.
            for (int i = 0; i < 1000 && !scheduler.all_tasks().empty(); ++i) {
                scheduler.loop().run_once();
            }
        }
    } cancel_leftovers{scheduler};
    return loop.run_until_complete(task);
}

}  // namespace loopscope
