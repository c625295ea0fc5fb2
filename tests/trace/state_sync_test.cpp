// The State of real primitives (core/sync): owners, holders and FIFO waiters as the emitters
// record them, and seeks over a trace full of them.
#include <gtest/gtest.h>

#include <vector>

#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "sync/event.h"
#include "sync/lock.h"
#include "sync/semaphore.h"
#include "trace/state_index.h"
#include "trace/state_test_support.h"

namespace loopscope::trace {
namespace {

using testing::find_event;
using testing::fold_until;
using testing::task_of;

struct StateSyncTest : ::testing::Test {
    EventLoop loop;
    Scheduler scheduler{loop};

    const Recorder& recorder() { return loop.recorder(); }

    std::vector<std::uint32_t> waiting_tasks(const State& state, std::uint32_t primitive) {
        std::vector<State::Waiter> waiters;
        state.waiters_of(primitive, waiters);
        std::vector<std::uint32_t> tasks;
        for (const State::Waiter& waiter : waiters) {
            tasks.push_back(waiter.task);
        }
        return tasks;
    }
};

TEST_F(StateSyncTest, ALockPassesFromTaskToTaskInFifoOrder) {
    Lock lock(scheduler);
    std::uint32_t main_id = 0;
    std::vector<std::uint32_t> workers;
    auto worker = [&]() -> Coro<void> {
        co_await lock.acquire();
        co_await sleep(milliseconds(1));
        lock.release();
    };
    auto main = [&]() -> Coro<void> {
        main_id = scheduler.current_task()->id();
        co_await lock.acquire();
        std::vector<Task<void>> tasks;
        for (int i = 0; i < 3; ++i) {
            tasks.push_back(create_task(scheduler, worker()));
            workers.push_back(tasks.back().id());
        }
        co_await sleep(milliseconds(10));
        lock.release();
        for (Task<void>& task : tasks) {
            co_await task;
        }
    };
    run(scheduler, main());

    std::size_t last_queued = 0;  // the third worker's WaiterAdded
    for (std::size_t i = 0; i < recorder().size(); ++i) {
        const Event& event = recorder().events()[i];
        if (event.kind == EventKind::WaiterAdded && event.object == workers[2]) {
            last_queued = i;
            break;
        }
    }
    {
        const State state = fold_until(recorder(), last_queued);
        ASSERT_NE(state.primitive(lock.id()), nullptr);
        EXPECT_EQ(state.primitive(lock.id())->owner, main_id);
        EXPECT_EQ(waiting_tasks(state, lock.id()), workers);
        const std::size_t queued_end =
            find_event(recorder(), EventKind::TaskStepEnd, workers[2], last_queued);
        const State::Task waiting = task_of(fold_until(recorder(), queued_end), workers[2]);
        EXPECT_EQ(waiting.status, TaskStatus::Waiting);
        EXPECT_EQ(waiting.await_kind, AwaitKind::Lock);
        EXPECT_EQ(waiting.awaiting, lock.id());
    }
    const std::size_t released = find_event(recorder(), EventKind::LockReleased, lock.id());
    const std::size_t woken = find_event(recorder(), EventKind::WaiterWoken, lock.id(), released);
    {
        const State state = fold_until(recorder(), woken);
        EXPECT_EQ(state.primitive(lock.id())->owner, 0u);
        EXPECT_EQ(state.primitive(lock.id())->value, 0);
        ASSERT_FALSE(state.waiters().empty());
        EXPECT_EQ(state.waiters()[0].task, workers[0]);
        EXPECT_TRUE(state.waiters()[0].woken);
    }
    const std::size_t taken = find_event(recorder(), EventKind::LockAcquired, lock.id(), woken);
    {
        const State state = fold_until(recorder(), taken);
        EXPECT_EQ(state.primitive(lock.id())->owner, workers[0]);
        EXPECT_EQ(waiting_tasks(state, lock.id()),
                  (std::vector<std::uint32_t>{workers[1], workers[2]}));
    }
    const State end = fold_until(recorder(), recorder().size() - 1);
    EXPECT_EQ(end.primitive(lock.id())->owner, 0u);
    EXPECT_TRUE(end.waiters().empty());
    EXPECT_TRUE(end.holders().empty());
}

TEST_F(StateSyncTest, ASemaphoreShowsItsHoldersAndItsQueue) {
    Semaphore semaphore(scheduler, 2);
    std::vector<std::uint32_t> workers;
    auto worker = [&]() -> Coro<void> {
        co_await semaphore.acquire();
        co_await sleep(milliseconds(5));
        semaphore.release();
    };
    auto main = [&]() -> Coro<void> {
        std::vector<Task<void>> tasks;
        for (int i = 0; i < 5; ++i) {
            tasks.push_back(create_task(scheduler, worker()));
            workers.push_back(tasks.back().id());
        }
        for (Task<void>& task : tasks) {
            co_await task;
        }
    };
    run(scheduler, main());

    const std::size_t first_release = find_event(recorder(), EventKind::LockReleased);
    const State full = fold_until(recorder(), first_release - 1);
    EXPECT_EQ(full.primitive(semaphore.id())->value, 0);
    EXPECT_EQ(full.primitive(semaphore.id())->holders, 2u);
    EXPECT_EQ(waiting_tasks(full, semaphore.id()),
              (std::vector<std::uint32_t>{workers[2], workers[3], workers[4]}));

    const State end = fold_until(recorder(), recorder().size() - 1);
    EXPECT_EQ(end.primitive(semaphore.id())->value, 2);
    EXPECT_EQ(end.primitive(semaphore.id())->holders, 0u);
    EXPECT_TRUE(end.waiters().empty());
}

TEST_F(StateSyncTest, SeeksOverATraceFullOfPrimitivesEqualFoldingFromScratch) {
    Lock lock(scheduler);
    Semaphore semaphore(scheduler, 3);
    loopscope::Event go(scheduler);
    auto worker = [&](int index) -> Coro<void> {
        co_await go.wait();
        for (int round = 0; round < 5; ++round) {
            co_await semaphore.acquire();
            co_await sleep(milliseconds(1 + index % 3));
            co_await lock.acquire();
            co_await sleep(0);
            lock.release();
            semaphore.release();
        }
    };
    auto main = [&]() -> Coro<void> {
        std::vector<Task<void>> tasks;
        for (int i = 0; i < 20; ++i) {
            tasks.push_back(create_task(scheduler, worker(i)));
        }
        co_await sleep(milliseconds(1));
        go.set();
        for (Task<void>& task : tasks) {
            co_await task;
        }
    };
    run(scheduler, main());

    StateIndex index(recorder(), {.min_spacing = 128, .checkpoint_bytes_per_event = 1 << 20});
    index.update();
    State from_scratch;
    State reused;
    for (std::size_t i = 0; i < recorder().size(); i += 37) {
        while (from_scratch.applied() <= i) {
            from_scratch.apply(recorder().events()[from_scratch.applied()]);
        }
        index.seek(i, reused);
        ASSERT_TRUE(reused == from_scratch) << "at event " << i;
    }
    const State& end = index.latest();
    EXPECT_TRUE(end.waiters().empty());
    EXPECT_TRUE(end.holders().empty());
    EXPECT_EQ(end.primitive(semaphore.id())->value, 3);
    EXPECT_EQ(end.primitive(go.id())->value, 1);
}

}  // namespace
}  // namespace loopscope::trace
