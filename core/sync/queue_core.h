#pragma once

#include <cstddef>
#include <cstdint>

#include "async/coro.h"
#include "sync/primitive_trace.h"
#include "sync/waiter_queue.h"

namespace loopscope {

// What asyncio.Queue does whatever its items are: maxsize, the getter and putter waiter
// queues, and the count of unfinished tasks behind task_done() and join(). Queue<T> adds the
// items (queue.h).
//
// CPython signals join() through an Event, `_finished`, set exactly when the unfinished count
// is zero. Here the count is the flag and the joiners are a third waiter queue, so a task in
// join() is said to wait on this Queue rather than on an anonymous Event; the wake-ups happen
// at the same moments as the Event's.
//
// Trace: QueuePut / QueueGot name the task (0 outside tasks) and the size after;
// PrimitiveValue is the size. Getters, putters and joiners are all waiters of this Queue.
class QueueCore {
public:
    QueueCore(const QueueCore&) = delete;
    QueueCore& operator=(const QueueCore&) = delete;

    // As given; 0 or less means unbounded.
    std::int64_t maxsize() const { return maxsize_; }
    // A consumer finished an item it got. ValueError('task_done() called too many times') when
    // no item is unfinished. The last one wakes every join().
    void task_done();
    // Blocks until every item put has been marked done.
    Coro<void> join();
    std::int64_t unfinished_tasks() const { return unfinished_tasks_; }
    // A queue made for a new loop with what an earlier one held (a script's Queue outlives its
    // asyncio.run): items taken there but not yet marked done still hold join() back. Nothing
    // for `extra` <= 0.
    void carry_unfinished(std::int64_t extra) {
        if (extra > 0) {
            unfinished_tasks_ += extra;
        }
    }
    // Tasks blocked in get() / put(), woken ones included until they run (or are popped).
    std::size_t getter_count() const { return getters_.size(); }
    std::size_t putter_count() const { return putters_.size(); }

    std::uint32_t id() const { return trace_.id(); }

protected:
    QueueCore(Scheduler& scheduler, std::int64_t maxsize);
    ~QueueCore() = default;

    bool full_at(std::size_t size) const {
        return maxsize_ > 0 && static_cast<std::int64_t>(size) >= maxsize_;
    }
    // After an item went in: count it as unfinished and wake the first getter.
    void item_put(std::size_t size);
    // After an item came out: wake the first putter.
    void item_got(std::size_t size);

    PrimitiveTrace trace_;
    WaiterQueue getters_{trace_, trace::WaiterRole::Getter};
    WaiterQueue putters_{trace_, trace::WaiterRole::Putter};

private:
    WaiterQueue joiners_{trace_, trace::WaiterRole::Joiner};
    std::int64_t maxsize_;
    std::int64_t unfinished_tasks_ = 0;  // join() blocks while positive
};

}  // namespace loopscope
