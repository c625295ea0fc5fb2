#include "async/scheduler.h"

#include <algorithm>

#include "async/task_core.h"

namespace loopscope {

Scheduler::Scheduler(EventLoop& loop) : loop_(loop) {}

Scheduler::~Scheduler() {
    // Tasks still pending hold each other through futures' callbacks; free their frames.
    std::vector<FutureRef<TaskCore>> pending = std::move(alive_);
    alive_.clear();
    for (const auto& task : pending) {
        task->abandon();
    }
}

std::vector<FutureRef<TaskCore>> Scheduler::all_tasks() const {
    std::vector<FutureRef<TaskCore>> tasks = alive_;
    std::sort(tasks.begin(), tasks.end(),
              [](const auto& a, const auto& b) { return a->id() < b->id(); });
    return tasks;
}

void Scheduler::enter_task(TaskCore& task) {
    if (current_ != nullptr) {
        throw RuntimeError("Cannot enter into task " + task.repr() + " while another task " +
                           current_->repr() + " is being executed.");
    }
    current_ = &task;
    outer_stepping_ = std::exchange(stepping_, this);
}

void Scheduler::leave_task(TaskCore& task) {
    if (current_ != &task) {
        throw RuntimeError("Leaving task " + task.repr() + " does not match the current task.");
    }
    current_ = nullptr;
    stepping_ = std::exchange(outer_stepping_, nullptr);
}

void Scheduler::track(FutureRef<TaskCore> task) {
    task->alive_index_ = static_cast<std::uint32_t>(alive_.size());
    alive_.push_back(std::move(task));
}

void Scheduler::untrack(TaskCore& task) {
    const std::size_t index = task.alive_index_;
    if (index >= alive_.size() || alive_[index].get() != &task) {
        return;
    }
    alive_[index] = std::move(alive_.back());
    alive_[index]->alive_index_ = static_cast<std::uint32_t>(index);
    alive_.pop_back();
}

}  // namespace loopscope
