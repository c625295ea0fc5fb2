// Lock: FIFO hand-off, one per iteration, cancellation passing the wake-up on, misuse.
#include "sync/lock.h"

#include <string>
#include <vector>

#include "sync_fixture.h"

namespace loopscope {
namespace {

using LockTest = SyncTest;

// cpython/lock_acquire.py (CPython's LockTests.test_acquire)
TEST_F(LockTest, WaitersAcquireInFifoOrderOnePerRelease) {
    Lock lock(scheduler);
    auto waiter = [&](std::string name) -> Coro<bool> {
        if (co_await lock.acquire()) {
            note(name);
        }
        co_return true;
    };
    auto main = [&]() -> Coro<void> {
        const bool acquired = co_await lock.acquire();
        note("main_acquired=" + python_bool(acquired));
        Task<bool> t1 = create_task(scheduler, waiter("c1"));
        Task<bool> t2 = create_task(scheduler, waiter("c2"));
        co_await sleep(0);
        note("release");
        lock.release();
        co_await sleep(0);
        co_await sleep(0);
        Task<bool> t3 = create_task(scheduler, waiter("c3"));
        note("release");
        lock.release();
        co_await sleep(0);
        note("release");
        lock.release();
        co_await sleep(0);
        note("results=" + python_bool(t1.result()) + "," + python_bool(t2.result()) + "," +
             python_bool(t3.result()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "main_acquired=True@1 release@2 c1@3 release@4 c2@5 release@5 c3@6 "
              "results=True,True,True@6");
}

// cpython/lock_cancel_release_race.py (CPython's LockTests.test_cancel_release_race, bpo-32734)
TEST_F(LockTest, CancellingTheWokenWaiterPassesTheLockToExactlyOneOther) {
    Lock lock(scheduler);
    int lock_count = 0;
    int call_count = 0;
    auto lockit = [&](std::string name) -> Coro<void> {
        ++call_count;
        try {
            co_await lock.acquire();
        } catch (const CancelledError&) {
            note(name + "_cancelled");
            throw;
        }
        ++lock_count;
        note(name + "_locked");
    };
    auto main = [&]() -> Coro<void> {
        co_await lock.acquire();
        Task<void> t1 = create_task(scheduler, lockit("t1"));
        Task<void> t2 = create_task(scheduler, lockit("t2"));
        Task<void> t3 = create_task(scheduler, lockit("t3"));
        co_await sleep(0);
        loop.call_soon([&] {
            note("trigger");
            t1.cancel();
            lock.release();
        });
        try {
            co_await t1;
        } catch (const CancelledError&) {
            note("t1_awaited");
        }
        note("lock_count=" + std::to_string(lock_count));
        note("call_count=" + std::to_string(call_count));
        note("t1_cancelled=" + python_bool(t1.cancelled()));
        note("t2_done=" + python_bool(t2.done()));
        t3.cancel();
        co_await sleep(0);
        note("t3_cancelled=" + python_bool(t3.cancelled()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "trigger@3 t1_cancelled@4 t2_locked@5 t1_awaited@5 lock_count=1@5 call_count=3@5 "
              "t1_cancelled=True@5 t2_done=True@5 t3_cancelled@6 t3_cancelled=True@6");
}

// cpython/lock_handoff_per_iteration.py
TEST_F(LockTest, TheLockChangesHandsOncePerIteration) {
    Lock lock(scheduler);
    auto worker = [&](std::string name) -> Coro<void> {
        co_await lock.acquire();
        note(name);
        lock.release();
    };
    auto main = [&]() -> Coro<void> {
        co_await lock.acquire();
        std::vector<Task<void>> tasks;
        for (int i = 1; i <= 4; ++i) {
            tasks.push_back(create_task(scheduler, worker(numbered("w", i))));
        }
        co_await sleep(0);
        note("release");
        lock.release();
        for (const Task<void>& task : tasks) {
            co_await task;
        }
        note("main");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "release@2 w1@3 w2@4 w3@5 w4@6 main@6");
}

// cpython/lock_skips_cancelled_waiters.py
TEST_F(LockTest, AcquireTakesAFreeLockWhoseWaitersAreAllCancelled) {
    Lock lock(scheduler);
    auto waiter = [&]() -> Coro<void> {
        try {
            co_await lock.acquire();
        } catch (const CancelledError&) {
            note("waiter_cancelled");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        co_await lock.acquire();
        Task<void> task = create_task(scheduler, waiter());
        co_await sleep(0);
        task.cancel();
        lock.release();
        note("locked=" + python_bool(lock.locked()));
        co_await lock.acquire();
        note("reacquired_locked=" + python_bool(lock.locked()));
        try {
            co_await task;
        } catch (const CancelledError&) {
            note("main_saw_cancel");
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "locked=False@2 reacquired_locked=True@2 waiter_cancelled@3 main_saw_cancel@4");
    EXPECT_EQ(lock.waiter_count(), 0u);
}

// cpython/misuse_messages.py
TEST_F(LockTest, ReleasingAnUnlockedLockIsARuntimeError) {
    Lock lock(scheduler);
    try {
        lock.release();
        FAIL() << "release() of an unlocked lock did not throw";
    } catch (const RuntimeError& error) {
        EXPECT_STREQ(error.what(), "Lock is not acquired.");
    }
}

}  // namespace
}  // namespace loopscope
