#include "async/future.h"

#include <algorithm>

namespace loopscope {

bool FutureCore::cancel(std::optional<std::string> message) {
    if (status_ != FutureStatus::Pending) {
        return false;
    }
    status_ = FutureStatus::Cancelled;
    cancel_message_ = std::move(message);
    schedule_callbacks();
    return true;
}

void FutureCore::cancel_with(CancelledError error) {
    check_pending();
    cancelled_error_ = std::move(error);
    status_ = FutureStatus::Cancelled;
    schedule_callbacks();
}

CancelledError FutureCore::make_cancelled_error() const {
    if (cancelled_error_) {
        return *cancelled_error_;
    }
    return CancelledError(cancel_message_.value_or(""));
}

void FutureCore::set_exception(std::exception_ptr exception) {
    check_pending();
    exception_ = std::move(exception);
    finish();
}

std::exception_ptr FutureCore::exception() const {
    if (status_ == FutureStatus::Cancelled) {
        throw make_cancelled_error();
    }
    if (status_ != FutureStatus::Finished) {
        throw InvalidStateError("Exception is not set.");
    }
    return exception_;
}

void FutureCore::throw_unless_value() const {
    if (status_ == FutureStatus::Cancelled) {
        throw make_cancelled_error();
    }
    if (status_ != FutureStatus::Finished) {
        throw InvalidStateError("Result is not set.");
    }
    if (exception_) {
        std::rethrow_exception(exception_);
    }
}

std::uint64_t FutureCore::add_done_callback(Callback callback) {
    const std::uint64_t token = next_token_++;
    if (done()) {
        loop_->call_soon(std::move(callback));
    } else {
        callbacks_.emplace_back(token, std::move(callback));
    }
    return token;
}

std::size_t FutureCore::remove_done_callback(std::uint64_t token) {
    const auto removed =
        std::erase_if(callbacks_, [token](const auto& entry) { return entry.first == token; });
    return removed;
}

void FutureCore::schedule_callbacks() {
    loop_->record(trace::EventKind::FutureDone, id_, 0, static_cast<std::int64_t>(status_));
    for (const std::uint32_t task : waiting_tasks_) {
        loop_->record(trace::EventKind::TaskReady, task, id_,
                      static_cast<std::int64_t>(trace::WakeReason::FutureDone));
    }
    waiting_tasks_.clear();
    auto callbacks = std::move(callbacks_);
    callbacks_.clear();
    for (auto& [token, callback] : callbacks) {
        loop_->call_soon(std::move(callback));
    }
}

}  // namespace loopscope
