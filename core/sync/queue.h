#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <utility>

#include "async/coro.h"
#include "sync/queue_core.h"
#include "sync/queue_errors.h"

namespace loopscope {

// Where a Queue keeps its items and in which order they leave: CPython's overridable
// _init/_put/_get. First in, first out (asyncio.Queue's deque).
template <class T>
class FifoStorage {
public:
    void push(T item) { items_.push_back(std::move(item)); }
    T pop() {
        T item = std::move(items_.front());
        items_.pop_front();
        return item;
    }
    std::size_t size() const { return items_.size(); }

private:
    std::deque<T> items_;
};

// asyncio.Queue: put() blocks while a bounded queue is full, get() while it is empty, each
// FIFO among its kind. put_nowait() wakes the first getter and get_nowait() the first putter,
// but a woken task does not own the item (or slot): if another get_nowait() (put_nowait())
// takes it in the same step, the woken one finds the queue empty (full) and waits again, at
// the back of the line. A woken getter (putter) that is cancelled before it runs passes the
// wake-up on.
//
// Items are moved in and out; T needs only to be movable. LifoQueue<T> and PriorityQueue<T>
// are this template with other storage (lifo_queue.h, priority_queue.h).
template <class T, class Storage = FifoStorage<T>>
class Queue : public QueueCore {
public:
    explicit Queue(Scheduler& scheduler, std::int64_t maxsize = 0)
        : QueueCore(scheduler, maxsize) {}

    std::size_t qsize() const { return items_.size(); }
    bool empty() const { return items_.size() == 0; }
    // The items as the storage keeps them (for showing a queue, as str(queue) does).
    const Storage& storage() const { return items_; }
    // Never true for an unbounded queue.
    bool full() const { return full_at(items_.size()); }

    // Waits for a free slot if the queue is full, then puts `item`.
    Coro<void> put(T item);
    // Puts `item` now; QueueFull if the queue is full.
    void put_nowait(T item);
    // Waits for an item if the queue is empty, then takes one.
    Coro<T> get();
    // Takes an item now; QueueEmpty if the queue is empty.
    T get_nowait();

    // get()'s waiting in steps, for a caller that awaits the getter future itself instead of
    // through get()'s coroutine frame (a script task's host: a frame less per waiting get).
    // begin_get() queues the running task and returns the getter to await while the queue is
    // empty, and nothing once an item is there. When that await returns, begin_get() again (a
    // woken getter that finds the queue empty waits again, at the back); once it returns
    // nothing, get_nowait(). When the await throws, abandon_get(getter) and the error goes on.
    // get() is these steps.
    std::optional<Future<void>> begin_get();
    void abandon_get(FutureCore& getter);

private:
    Storage items_;
};

template <class T, class Storage>
Coro<void> Queue<T, Storage>::put(T item) {
    while (full()) {
        Future<void> putter = putters_.add();
        try {
            co_await putter;
        } catch (...) {
            putter.cancel();  // in case it is still pending
            // get_nowait() may already have taken it out of the deque when waking it.
            putters_.remove(putter);
            if (!full() && !putter.cancelled()) {
                // Woken for a free slot this task will not take: pass the wake-up on.
                putters_.pop_and_wake_next();
            }
            throw;
        }
    }
    put_nowait(std::move(item));
}

template <class T, class Storage>
void Queue<T, Storage>::put_nowait(T item) {
    if (full()) {
        throw QueueFull();
    }
    items_.push(std::move(item));
    item_put(items_.size());
}

template <class T, class Storage>
Coro<T> Queue<T, Storage>::get() {
    while (std::optional<Future<void>> getter = begin_get()) {
        try {
            co_await *getter;
        } catch (...) {
            abandon_get(*getter->core());
            throw;
        }
    }
    co_return get_nowait();
}

template <class T, class Storage>
std::optional<Future<void>> Queue<T, Storage>::begin_get() {
    if (!empty()) {
        return std::nullopt;
    }
    return getters_.add();
}

template <class T, class Storage>
void Queue<T, Storage>::abandon_get(FutureCore& getter) {
    getter.cancel();  // in case it is still pending
    // put_nowait() may already have taken it out of the deque when waking it.
    getters_.remove(getter);
    if (!empty() && !getter.cancelled()) {
        // Woken for an item this task will not take: pass the wake-up on.
        getters_.pop_and_wake_next();
    }
}

template <class T, class Storage>
T Queue<T, Storage>::get_nowait() {
    if (empty()) {
        throw QueueEmpty();
    }
    T item = items_.pop();
    item_got(items_.size());
    return item;
}

}  // namespace loopscope
