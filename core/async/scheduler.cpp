#include "async/scheduler.h"

#include <algorithm>

#include "async/task_core.h"

namespace loopscope {

Scheduler::Scheduler(EventLoop& loop) : loop_(loop) {
    if (loop.scheduler() != nullptr) {
        throw RuntimeError("this event loop already has a scheduler");
    }
    loop.set_scheduler(this);
    loop.set_sleepers(this);
}

Scheduler::~Scheduler() {
    {
        // Tasks still pending hold each other through futures' callbacks; free their frames.
        std::vector<FutureRef<TaskCore>> pending = std::move(alive_);
        alive_.clear();
        for (const auto& task : pending) {
            if (task) {
                task->abandon();
            }
        }
    }  // the last of them may go here, and still reach this scheduler through the loop
    loop_.set_sleepers(nullptr);
    loop_.set_scheduler(nullptr);
}

std::vector<FutureRef<TaskCore>> Scheduler::all_tasks() const {
    std::vector<FutureRef<TaskCore>> tasks;
    tasks.reserve(alive_count_);
    for (const FutureRef<TaskCore>& task : alive_) {
        if (task) {
            tasks.push_back(task);
        }
    }
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
    ++alive_count_;
    if (free_alive_indices_.empty()) {
        task->alive_index_ = static_cast<std::uint32_t>(alive_.size());
        alive_.push_back(std::move(task));
        return;
    }
    const std::uint32_t index = free_alive_indices_.back();
    free_alive_indices_.pop_back();
    task->alive_index_ = index;
    alive_[index] = std::move(task);
}

void Scheduler::untrack(TaskCore& task) {
    const std::uint32_t index = task.alive_index_;
    if (index >= alive_.size() || alive_[index].get() != &task) {
        return;
    }
    // This may be the task's last reference: it goes once the table is in order again.
    const FutureRef<TaskCore> leaving = std::move(alive_[index]);
    if (--alive_count_ == 0) {
        // The last one: the table and its holes go, with what a burst of tasks made them take.
        alive_ = std::vector<FutureRef<TaskCore>>();
        free_alive_indices_ = std::vector<std::uint32_t>();
    } else if (index + 1 == alive_.size()) {
        alive_.pop_back();
    } else {
        free_alive_indices_.push_back(index);
    }
}

bool Scheduler::timer_pending(std::uint32_t sleeper, std::uint32_t id) const {
    if (sleeper >= alive_.size() || !alive_[sleeper]) {
        return false;
    }
    const TaskCore& task = *alive_[sleeper];
    return task.sleep_timer_pending_ && task.sleep_timer_ == id;
}

void Scheduler::prefetch(std::uint32_t sleeper, bool near) const {
    if (sleeper >= alive_.size()) {
        return;
    }
    if (!near) {
        __builtin_prefetch(&alive_[sleeper]);
    } else if (const TaskCore* task = alive_[sleeper].get()) {
        __builtin_prefetch(task);
        __builtin_prefetch(reinterpret_cast<const char*>(task) + 64);
    }
}

void Scheduler::timer_fired(std::uint32_t sleeper) {
    alive_[sleeper]->sleep_timer_in_heap_ = false;
}

trace::Label Scheduler::timer_label(std::uint32_t sleeper) {
    return alive_[sleeper]->name_label();
}

void Scheduler::run_timer(std::uint32_t sleeper) {
    alive_[sleeper]->sleep_timer_ran();
}

}  // namespace loopscope
