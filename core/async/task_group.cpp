#include "async/task_group.h"

#include <algorithm>

#include "async/cancellation.h"

namespace loopscope {

namespace detail {

// Everything a TaskGroup knows. The children's done-callbacks hold it weakly: the group lives
// in its parent's frame, and a frame destroyed unfinished takes the group with it.
struct TaskGroupState : std::enable_shared_from_this<TaskGroupState> {
    Scheduler* scheduler;
    std::uint32_t id;
    bool entered = false;
    bool exiting = false;
    bool aborting = false;
    // The task whose frame holds the group. Weak: a strong reference would be a cycle
    // (task → frame → group → task) that only finishing the task could break.
    WeakFutureRef<TaskCore> parent;
    bool parent_cancel_requested = false;
    // Unfinished children in creation order (CPython's set; SEMANTICS.md: creation order).
    std::vector<FutureRef<TaskCore>> tasks;
    std::vector<std::exception_ptr> errors;
    std::optional<Future<bool>> on_completed;

    explicit TaskGroupState(Scheduler& owner)
        : scheduler(&owner), id(owner.loop().next_object_id()) {}

    EventLoop& loop() const { return scheduler->loop(); }

    std::string repr() const {
        std::string info;
        if (!tasks.empty()) {
            info += " tasks=" + std::to_string(tasks.size());
        }
        if (!errors.empty()) {
            info += " errors=" + std::to_string(errors.size());
        }
        if (aborting) {
            info += " cancelling";
        } else if (entered) {
            info += " entered";
        }
        return "<TaskGroup" + info + ">";
    }

    // _abort: cancel every unfinished child. `cause` is the failed child (0: the body or the
    // parent's own cancellation).
    void abort(std::uint32_t cause) {
        aborting = true;
        loop().record(trace::EventKind::TaskGroupAborted, id, cause);
        // Cancelling may not re-enter the group (callbacks are never inline), but iterate a
        // copy anyway: the list is the group's, the cancellations are the children's business.
        const std::vector<FutureRef<TaskCore>> children = tasks;
        for (const auto& child : children) {
            if (!child->done()) {
                child->cancel();
            }
        }
    }

    // _on_task_done.
    void on_task_done(const FutureRef<TaskCore>& task) {
        std::erase(tasks, task);
        if (on_completed && tasks.empty() && !on_completed->done()) {
            on_completed->set_result(true);
        }
        if (task->cancelled()) {
            return;
        }
        std::exception_ptr error = task->exception();
        if (!error) {
            return;
        }
        errors.push_back(error);
        const FutureRef<TaskCore> parent_task = parent.lock();
        if (!parent_task || parent_task->done()) {
            loop().call_exception_handler(
                ExceptionContext{"Task " + task->repr() + " has errored out but its parent task " +
                                     (parent_task ? parent_task->repr() : std::string("None")) +
                                     " is already completed",
                                 {},
                                 error});
            return;
        }
        if (!aborting && !parent_cancel_requested) {
            // Stop the body too; exit() takes this cancel request back with uncancel().
            abort(task->id());
            parent_cancel_requested = true;
            parent_task->cancel();
        }
    }

    // __aexit__, then the rethrow of `async with`.
    static Coro<void> exit(std::shared_ptr<TaskGroupState> group, std::exception_ptr error) {
        group->exiting = true;
        // Whatever `async with` raises, the group is over once its children are.
        struct RecordExit {
            TaskGroupState& group;
            ~RecordExit() {
                const FutureRef<TaskCore> parent = group.parent.lock();
                group.loop().record(trace::EventKind::TaskGroupExited, group.id,
                                    parent ? parent->id() : 0);
            }
        } const record_exit{*group};
        std::exception_ptr propagate_cancellation = is_cancellation(error) ? error : nullptr;
        if (group->parent_cancel_requested) {
            // The group cancelled its parent itself; once no request is left, that
            // cancellation was only ours and must not escape.
            const FutureRef<TaskCore> parent = group->parent.lock();
            if (parent && parent->uncancel() == 0) {
                propagate_cancellation = nullptr;
            }
        }
        if (error && !group->aborting) {
            group->abort(0);
        }
        // A loop: the wait may be cancelled again and again while the parent is cancelled.
        while (!group->tasks.empty()) {
            if (!group->on_completed) {
                group->on_completed.emplace(group->loop());
                group->on_completed->core()->set_await_target({AwaitKind::TaskGroup, group->id});
            }
            const Future<bool> on_completed = *group->on_completed;
            try {
                co_await on_completed;
            } catch (const CancelledError&) {
                if (!group->aborting) {
                    // The parent is cancelled from outside while the children still run.
                    propagate_cancellation = std::current_exception();
                    group->abort(0);
                }
            }
            group->on_completed.reset();
        }
        // Errors have priority over a CancelledError.
        if (propagate_cancellation && group->errors.empty()) {
            std::rethrow_exception(propagate_cancellation);
        }
        if (error && !is_cancellation(error)) {
            group->errors.push_back(error);
        }
        if (!group->errors.empty()) {
            std::vector<std::exception_ptr> errors = std::move(group->errors);
            group->errors.clear();
            throw ExceptionGroup("unhandled errors in a TaskGroup", std::move(errors));
        }
        if (error) {
            std::rethrow_exception(error);  // __aexit__ returned None
        }
    }
};

}  // namespace detail

TaskGroup::TaskGroup(Scheduler& scheduler)
    : state_(std::make_shared<detail::TaskGroupState>(scheduler)) {}

TaskGroup::~TaskGroup() = default;

std::uint32_t TaskGroup::id() const {
    return state_->id;
}

std::string TaskGroup::repr() const {
    return state_->repr();
}

Scheduler& TaskGroup::scheduler() const {
    return *state_->scheduler;
}

void TaskGroup::enter() {
    detail::TaskGroupState& group = *state_;
    if (group.entered) {
        throw RuntimeError("TaskGroup " + group.repr() + " has already been entered");
    }
    TaskCore* parent = group.scheduler->current_task();
    if (parent == nullptr) {
        throw RuntimeError("TaskGroup " + group.repr() + " cannot determine the parent task");
    }
    group.parent = static_future_cast<TaskCore>(parent->ref());
    group.entered = true;
    group.loop().record(trace::EventKind::TaskGroupEntered, group.id, parent->id());
}

Coro<void> TaskGroup::exit(std::exception_ptr error) {
    return detail::TaskGroupState::exit(state_, std::move(error));
}

void TaskGroup::check_open() const {
    const detail::TaskGroupState& group = *state_;
    if (!group.entered) {
        throw RuntimeError("TaskGroup " + group.repr() + " has not been entered");
    }
    if (group.exiting && group.tasks.empty()) {
        throw RuntimeError("TaskGroup " + group.repr() + " is finished");
    }
    if (group.aborting) {
        throw RuntimeError("TaskGroup " + group.repr() + " is shutting down");
    }
}

void TaskGroup::adopt(FutureRef<TaskCore> task) {
    // A new task is never done yet (no eager tasks here), so it always joins the group.
    state_->tasks.push_back(task);
    task->add_done_callback([group = std::weak_ptr<detail::TaskGroupState>(state_),
                             child = WeakFutureRef<TaskCore>(task)] {
        const auto alive = group.lock();
        const auto finished = child.lock();
        if (alive && finished) {
            alive->on_task_done(finished);
        }
    });
}

}  // namespace loopscope
