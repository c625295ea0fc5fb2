#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "async/coro.h"
#include "loop/time.h"

namespace loopscope {

namespace detail {

// The untyped half of as_completed: which futures are still to come, the asyncio.Queue the
// finished ones go through (by index; nullopt is the timeout's dummy), and its getters.
class CompletionQueue : public std::enable_shared_from_this<CompletionQueue> {
public:
    CompletionQueue(EventLoop& loop, std::vector<FutureRef<FutureCore>> futures);
    CompletionQueue(const CompletionQueue&) = delete;
    CompletionQueue& operator=(const CompletionQueue&) = delete;

    // Registers the done-callbacks and arms the timeout: the body of the as_completed generator.
    void start(std::optional<Nanos> timeout);
    std::size_t size() const { return futures_.size(); }

    // Queue.get(): the index of the next future done, or nullopt once the timeout passed.
    static Coro<std::optional<std::size_t>> get(std::shared_ptr<CompletionQueue> queue);

private:
    void on_completion(std::size_t index);
    void on_timeout();
    void put_nowait(std::optional<std::size_t> item);
    void wake_next_getter();

    EventLoop& loop_;
    std::uint32_t id_;  // the trace's noun for "the tasks waiting on this as_completed"
    std::vector<FutureRef<FutureCore>> futures_;
    std::vector<std::uint64_t> callback_tokens_;
    std::vector<bool> to_do_;
    std::size_t to_do_count_ = 0;
    Handle timeout_handle_;
    std::deque<std::optional<std::size_t>> items_;
    std::deque<Future<void>> getters_;
};

template <class T>
Coro<T> wait_for_one(std::shared_ptr<CompletionQueue> queue,
                     std::shared_ptr<const std::vector<Future<T>>> futures) {
    const std::optional<std::size_t> index = co_await CompletionQueue::get(queue);
    if (!index) {
        throw TimeoutError();
    }
    co_return (*futures)[*index].result();  // may raise the future's exception
}

}  // namespace detail

// asyncio.as_completed(fs, timeout=): as many awaitables as there are distinct futures; each
// gives the result of the next future to finish, in completion order (or raises its error).
// Past the timeout, the ones still waiting raise TimeoutError.
//
//     for (Coro<int> next : as_completed(futures)) {
//         const int value = co_await next;
//     }
//
// A finished future's done-callback queues it one iteration after it finishes, and a task
// waiting for it resumes in the iteration after that. Python's generator registers its
// callbacks when iteration begins; here as_completed() does it at once.
template <class T>
class AsCompleted {
public:
    class iterator {
    public:
        using difference_type = std::ptrdiff_t;
        using value_type = Coro<T>;
        iterator() = default;
        iterator(const AsCompleted* owner, std::size_t position)
            : owner_(owner), position_(position) {}
        Coro<T> operator*() const { return owner_->next(); }
        iterator& operator++() {
            ++position_;
            return *this;
        }
        iterator operator++(int) { return {owner_, position_++}; }
        friend bool operator==(const iterator& a, const iterator& b) {
            return a.position_ == b.position_;
        }

    private:
        const AsCompleted* owner_ = nullptr;
        std::size_t position_ = 0;
    };

    AsCompleted(std::shared_ptr<detail::CompletionQueue> queue,
                std::shared_ptr<const std::vector<Future<T>>> futures)
        : queue_(std::move(queue)), futures_(std::move(futures)) {}

    // How many awaitables it yields: one per distinct future.
    std::size_t size() const { return queue_->size(); }
    // The next awaitable (_wait_for_one); it shares the queue, so it may outlive this object.
    Coro<T> next() const { return detail::wait_for_one<T>(queue_, futures_); }

    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, size()}; }

private:
    std::shared_ptr<detail::CompletionQueue> queue_;
    std::shared_ptr<const std::vector<Future<T>>> futures_;
};

template <class T>
AsCompleted<T> as_completed(const std::vector<Future<T>>& futures,
                            std::optional<Nanos> timeout = std::nullopt) {
    auto distinct = std::make_shared<std::vector<Future<T>>>();
    std::vector<FutureRef<FutureCore>> cores;
    std::unordered_set<const FutureCore*> seen;
    for (const Future<T>& future : futures) {
        if (seen.insert(future.core().get()).second) {
            cores.push_back(future.core());
            distinct->push_back(future);
        }
    }
    EventLoop* loop = futures.empty() ? EventLoop::running_loop() : &futures.front().loop();
    if (loop == nullptr) {
        throw RuntimeError("no running event loop");
    }
    auto queue = std::make_shared<detail::CompletionQueue>(*loop, std::move(cores));
    queue->start(timeout);
    return AsCompleted<T>(std::move(queue), std::move(distinct));
}

}  // namespace loopscope
