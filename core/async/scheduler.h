#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "loop/event_loop.h"

namespace loopscope {

class TaskCore;

// The tasks of one event loop: which one is running, which are alive, what they are called.
// asyncio keeps this in module-level tables keyed by loop; here it is an object beside the loop.
//
// Task names come from one counter per scheduler (Task-1, Task-2, ...), so re-running a script
// names its tasks the same way each time; asyncio.run's main task is Task-1 as in a fresh CPython.
class Scheduler {
public:
    explicit Scheduler(EventLoop& loop) : loop_(loop) {}
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    EventLoop& loop() const { return loop_; }

    // asyncio.current_task(): the task whose step is running, or null between steps.
    TaskCore* current_task() const { return current_; }
    // asyncio.all_tasks(): the tasks not yet done, oldest first.
    std::vector<std::shared_ptr<TaskCore>> all_tasks() const;
    std::string next_task_name() { return "Task-" + std::to_string(++task_counter_); }

    // For TaskCore.
    void enter_task(TaskCore& task);
    void leave_task(TaskCore& task);
    void track(std::shared_ptr<TaskCore> task);
    void untrack(TaskCore& task);

private:
    EventLoop& loop_;
    TaskCore* current_ = nullptr;
    std::vector<std::shared_ptr<TaskCore>> alive_;  // swap-removed; each task knows its index
    std::uint64_t task_counter_ = 0;
};

}  // namespace loopscope
