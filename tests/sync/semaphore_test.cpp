// Semaphore and BoundedSemaphore: FIFO without barging, reserved units, misuse.
#include "sync/semaphore.h"

#include <string>
#include <vector>

#include "sync/bounded_semaphore.h"
#include "sync_fixture.h"

namespace loopscope {
namespace {

using SemaphoreTest = SyncTest;

// cpython/semaphore_fifo_order_2.py (CPython's SemaphoreTests.test_acquire_fifo_order_2, which
// awaits the tasks with gather; the order of `result` is the same)
TEST_F(SemaphoreTest, AReleaseAndReacquireQueuesBehindEarlierWaiters) {
    Semaphore semaphore(scheduler, 1);
    auto c1 = [&]() -> Coro<bool> {
        co_await semaphore.acquire();
        note("1");
        co_return true;
    };
    auto c2 = [&]() -> Coro<bool> {
        co_await semaphore.acquire();
        note("2");
        semaphore.release();
        co_await semaphore.acquire();
        note("4");
        co_return true;
    };
    auto c3 = [&]() -> Coro<bool> {
        co_await semaphore.acquire();
        note("3");
        co_return true;
    };
    auto main = [&]() -> Coro<void> {
        Task<bool> t1 = create_task(scheduler, c1());
        Task<bool> t2 = create_task(scheduler, c2());
        Task<bool> t3 = create_task(scheduler, c3());
        co_await sleep(0);
        semaphore.release();
        semaphore.release();
        co_await t1;
        co_await t2;
        co_await t3;
        note("main");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "1@2 2@3 3@3 4@4 main@5");
}

// cpython/semaphore_two_releases.py
TEST_F(SemaphoreTest, TwoReleasesInOneStepWakeTwoWaitersInOneIteration) {
    Semaphore semaphore(scheduler, 0);
    auto worker = [&](std::string name) -> Coro<void> {
        co_await semaphore.acquire();
        note(name);
    };
    auto main = [&]() -> Coro<void> {
        std::vector<Task<void>> tasks;
        for (int i = 1; i <= 3; ++i) {
            tasks.push_back(create_task(scheduler, worker(numbered("w", i))));
        }
        co_await sleep(0);
        note("release2");
        semaphore.release();
        semaphore.release();
        co_await sleep(0);
        co_await sleep(0);
        note("locked=" + python_bool(semaphore.locked()));
        semaphore.release();
        for (const Task<void>& task : tasks) {
            co_await task;
        }
        note("main");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "release2@2 w1@3 w2@3 locked=True@4 w3@5 main@6");
}

// cpython/semaphore_cancelled_waiter.py
TEST_F(SemaphoreTest, AWokenWaiterCancelledBeforeItRunsHandsItsUnitOn) {
    Semaphore semaphore(scheduler, 0);
    auto worker = [&](std::string name) -> Coro<void> {
        try {
            co_await semaphore.acquire();
        } catch (const CancelledError&) {
            note(name + "_cancelled");
            throw;
        }
        note(name);
    };
    auto main = [&]() -> Coro<void> {
        Task<void> w1 = create_task(scheduler, worker("w1"));
        Task<void> w2 = create_task(scheduler, worker("w2"));
        co_await sleep(0);
        semaphore.release();
        w1.cancel();
        note("value=" + std::to_string(semaphore.value()));
        co_await w2;
        note("value=" + std::to_string(semaphore.value()));
        note("w1_cancelled=" + python_bool(w1.cancelled()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "value=0@2 w1_cancelled@3 w2@4 value=0@5 w1_cancelled=True@5");
}

// cpython/misuse_messages.py
TEST_F(SemaphoreTest, ANegativeInitialValueIsAValueError) {
    for (bool bounded : {false, true}) {
        try {
            if (bounded) {
                BoundedSemaphore semaphore(scheduler, -1);
            } else {
                Semaphore semaphore(scheduler, -1);
            }
            FAIL() << "a negative initial value did not throw";
        } catch (const ValueError& error) {
            EXPECT_STREQ(error.what(), "Semaphore initial value must be >= 0");
        }
    }
}

// cpython/misuse_messages.py
TEST_F(SemaphoreTest, ReleasingABoundedSemaphorePastItsBoundIsAValueError) {
    BoundedSemaphore semaphore(scheduler, 1);
    Semaphore& as_semaphore = semaphore;  // release() is the bounded one through a base too
    try {
        as_semaphore.release();
        FAIL() << "over-release did not throw";
    } catch (const ValueError& error) {
        EXPECT_STREQ(error.what(), "BoundedSemaphore released too many times");
    }
    EXPECT_EQ(semaphore.value(), 1);
}

TEST_F(SemaphoreTest, ABoundedSemaphoreReleasesUpToItsBound) {
    BoundedSemaphore semaphore(scheduler, 2);
    auto main = [&]() -> Coro<void> {
        co_await semaphore.acquire();
        co_await semaphore.acquire();
        EXPECT_TRUE(semaphore.locked());
        semaphore.release();
        semaphore.release();
        EXPECT_THROW(semaphore.release(), ValueError);
    };
    run(scheduler, main());
    EXPECT_EQ(semaphore.value(), 2);
}

// cpython/semaphore_cancelled_before_wake.py
TEST_F(SemaphoreTest, AWaiterCancelledBeforeAnyReleaseTakesNoUnit) {
    Semaphore semaphore(scheduler, 0);
    auto worker = [&](std::string name) -> Coro<void> {
        try {
            co_await semaphore.acquire();
        } catch (const CancelledError&) {
            note(name + "_cancelled");
            throw;
        }
        note(name);
    };
    auto main = [&]() -> Coro<void> {
        Task<void> w1 = create_task(scheduler, worker("w1"));
        Task<void> w2 = create_task(scheduler, worker("w2"));
        co_await sleep(0);
        w1.cancel();
        note("locked=" + python_bool(semaphore.locked()));
        co_await sleep(0);
        note("value=" + std::to_string(semaphore.value()));
        semaphore.release();
        co_await w2;
        note("value=" + std::to_string(semaphore.value()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "locked=True@2 w1_cancelled@3 value=0@3 w2@4 value=0@5");
}

}  // namespace
}  // namespace loopscope
