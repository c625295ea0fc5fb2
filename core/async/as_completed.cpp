#include "async/as_completed.h"

namespace loopscope::detail {

CompletionQueue::CompletionQueue(EventLoop& loop, std::vector<FutureRef<FutureCore>> futures)
    : loop_(loop),
      id_(loop.next_object_id()),
      futures_(std::move(futures)),
      callback_tokens_(futures_.size(), 0),
      to_do_(futures_.size(), true),
      to_do_count_(futures_.size()) {}

void CompletionQueue::start(std::optional<Nanos> timeout) {
    // The callbacks hold the queue weakly: once no awaitable is left to read it, it may go.
    const std::weak_ptr<CompletionQueue> weak = weak_from_this();
    for (std::size_t index = 0; index < futures_.size(); ++index) {
        callback_tokens_[index] = futures_[index]->add_done_callback([weak, index] {
            if (const auto queue = weak.lock()) {
                queue->on_completion(index);
            }
        });
    }
    if (to_do_count_ > 0 && timeout) {
        timeout_handle_ = loop_.call_later(*timeout, [weak] {
            if (const auto queue = weak.lock()) {
                queue->on_timeout();
            }
        });
    }
}

void CompletionQueue::on_completion(std::size_t index) {
    if (to_do_count_ == 0) {
        return;  // the timeout came first
    }
    to_do_[index] = false;
    --to_do_count_;
    put_nowait(index);
    if (to_do_count_ == 0) {
        timeout_handle_.cancel();
    }
}

void CompletionQueue::on_timeout() {
    // One dummy per future still to come: each of their awaitables raises TimeoutError.
    for (std::size_t index = 0; index < futures_.size(); ++index) {
        if (to_do_[index]) {
            futures_[index]->remove_done_callback(callback_tokens_[index]);
            put_nowait(std::nullopt);
            to_do_[index] = false;
        }
    }
    to_do_count_ = 0;
}

void CompletionQueue::put_nowait(std::optional<std::size_t> item) {
    items_.push_back(item);
    wake_next_getter();
}

void CompletionQueue::wake_next_getter() {
    // Queue._wakeup_next: the first getter still waiting gets the wake-up.
    while (!getters_.empty()) {
        Future<void> getter = std::move(getters_.front());
        getters_.pop_front();
        if (!getter.done()) {
            getter.set_result();
            break;
        }
    }
}

Coro<std::optional<std::size_t>> CompletionQueue::get(std::shared_ptr<CompletionQueue> queue) {
    while (queue->items_.empty()) {
        Future<void> getter(queue->loop_);
        // Like wait(): the task waits for the next of several futures to finish.
        getter.core()->set_await_target({AwaitKind::Wait, queue->id_});
        queue->getters_.push_back(getter);
        std::exception_ptr error;
        try {
            co_await getter;
        } catch (...) {
            error = std::current_exception();
        }
        if (error) {
            // Cancelled while waiting: withdraw, and pass a wake-up already received on.
            getter.cancel();
            std::erase(queue->getters_, getter);
            if (!queue->items_.empty() && !getter.cancelled()) {
                queue->wake_next_getter();
            }
            std::rethrow_exception(error);
        }
    }
    const std::optional<std::size_t> item = queue->items_.front();
    queue->items_.pop_front();
    co_return item;
}

}  // namespace loopscope::detail
