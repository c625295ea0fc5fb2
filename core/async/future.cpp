#include "async/future.h"

#include <algorithm>

namespace loopscope {

namespace detail {
void destroy_future(FutureCore* core) noexcept {
    core->~FutureCore();
}
}  // namespace detail

bool FutureCore::cancel(std::optional<std::string> message) {
    if (status_ != FutureStatus::Pending) {
        return false;
    }
    status_ = FutureStatus::Cancelled;
    if (message) {
        rare().cancel_message = std::move(*message);
    }
    schedule_callbacks();
    return true;
}

void FutureCore::cancel_with(CancelledError error) {
    check_pending();
    rare().exception = std::make_exception_ptr(std::move(error));
    status_ = FutureStatus::Cancelled;
    schedule_callbacks();
}

CancelledError FutureCore::make_cancelled_error() const {
    if (rare_ && rare_->exception) {
        try {
            std::rethrow_exception(rare_->exception);
        } catch (const CancelledError& error) {
            return error;
        } catch (...) {
        }
    }
    return CancelledError(rare_ && rare_->cancel_message ? *rare_->cancel_message : std::string());
}

void FutureCore::add_waiting_task(std::uint32_t task) {
    if (first_waiting_task_ == 0) {
        first_waiting_task_ = task;
        return;
    }
    rare().more_waiting_tasks.push_back(task);
}

void FutureCore::set_exception(std::exception_ptr exception) {
    check_pending();
    if (exception) {
        rare().exception = std::move(exception);
    }
    finish();
}

std::exception_ptr FutureCore::exception() const {
    if (status_ == FutureStatus::Cancelled) {
        throw make_cancelled_error();
    }
    if (status_ != FutureStatus::Finished) {
        throw InvalidStateError("Exception is not set.");
    }
    return rare_ ? rare_->exception : nullptr;
}

void FutureCore::throw_unless_value() const {
    if (status_ == FutureStatus::Cancelled) {
        throw make_cancelled_error();
    }
    if (status_ != FutureStatus::Finished) {
        throw InvalidStateError("Result is not set.");
    }
    if (rare_ && rare_->exception) {
        std::rethrow_exception(rare_->exception);
    }
}

namespace {
// Tokens of done-callbacks, from one counter per thread rather than per future (4 bytes in
// every future): a token only has to differ from the other callbacks' of its future.
thread_local std::uint32_t last_done_callback_token = 0;
}  // namespace

std::uint64_t FutureCore::add_done_callback(Callback callback, std::uint32_t owner) {
    std::uint32_t token = ++last_done_callback_token;
    if (token == 0) {  // 0 marks an empty entry
        token = ++last_done_callback_token;
    }
    if (done()) {
        loop_->call_soon(std::move(callback), 0, owner);
    } else if (first_callback_.token == 0 && (!rare_ || rare_->more_callbacks.empty())) {
        first_callback_ = DoneCallback{token, owner, std::move(callback)};
    } else {
        rare().more_callbacks.push_back(DoneCallback{token, owner, std::move(callback)});
    }
    return token;
}

std::size_t FutureCore::remove_done_callback(std::uint64_t token) {
    if (first_callback_.token != 0 && first_callback_.token == token) {
        first_callback_ = DoneCallback{};
        return 1;
    }
    if (!rare_) {
        return 0;
    }
    return std::erase_if(rare_->more_callbacks,
                         [token](const DoneCallback& entry) { return entry.token == token; });
}

void FutureCore::schedule_callbacks() {
    loop_->record(trace::EventKind::FutureDone, id_, 0, static_cast<std::int64_t>(status_));
    // "Woken by" names what the task was said to wait on: the lock, not its waiter future.
    const std::uint32_t cause = await_target().object;
    auto mark_ready = [this, cause](std::uint32_t task) {
        loop_->record(trace::EventKind::TaskReady, task, cause,
                      static_cast<std::int64_t>(trace::WakeReason::FutureDone));
    };
    if (first_waiting_task_ != 0) {
        mark_ready(std::exchange(first_waiting_task_, 0));
    }
    std::vector<DoneCallback> more;
    if (rare_) {
        for (const std::uint32_t task : rare_->more_waiting_tasks) {
            mark_ready(task);
        }
        rare_->more_waiting_tasks = {};
        more = std::move(rare_->more_callbacks);
        rare_->more_callbacks = {};
    }
    // Registration order: the inline first callback, unless it was removed, comes first.
    DoneCallback first = std::move(first_callback_);
    first_callback_ = DoneCallback{};
    if (first.token != 0) {
        loop_->call_soon(std::move(first.callback), 0, first.owner);
    }
    for (DoneCallback& entry : more) {
        loop_->call_soon(std::move(entry.callback), 0, entry.owner);
    }
}

}  // namespace loopscope
