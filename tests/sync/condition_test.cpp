// Condition: notify(n) FIFO, wait_for, re-acquiring the lock even when cancelled, misuse.
#include "sync/condition.h"

#include <string>
#include <vector>

#include "sync_fixture.h"

namespace loopscope {
namespace {

using ConditionTest = SyncTest;

// cpython/condition_notify.py
TEST_F(ConditionTest, NotifyWakesTheFirstWaitersFifoAndNotifyAllTheRest) {
    Condition condition(scheduler);
    auto waiter = [&](std::string name) -> Coro<void> {
        co_await condition.acquire();
        try {
            const bool result = co_await condition.wait();
            note(name + "=" + python_bool(result));
        } catch (...) {
            condition.release();
            throw;
        }
        condition.release();
    };
    auto main = [&]() -> Coro<void> {
        std::vector<Task<void>> tasks;
        for (int i = 1; i <= 4; ++i) {
            tasks.push_back(create_task(scheduler, waiter(numbered("w", i))));
        }
        co_await sleep(0);
        co_await condition.acquire();
        condition.notify(2);
        note("notify2");
        condition.release();
        co_await sleep(0);
        co_await sleep(0);
        co_await sleep(0);
        co_await condition.acquire();
        condition.notify_all();
        note("notify_all");
        condition.release();
        for (const Task<void>& task : tasks) {
            co_await task;
        }
        note("main");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "notify2@2 w1=True@3 w2=True@3 notify_all@5 w3=True@6 w4=True@6 main@7");
}

// cpython/condition_wait_for.py
TEST_F(ConditionTest, WaitForRechecksThePredicateAfterEachWakeUp) {
    Condition condition(scheduler);
    int counter = 0;
    auto waiter = [&]() -> Coro<void> {
        co_await condition.acquire();
        try {
            const int result =
                co_await condition.wait_for([&] { return counter >= 2 ? counter : 0; });
            note("waiter=" + std::to_string(result));
        } catch (...) {
            condition.release();
            throw;
        }
        condition.release();
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, waiter());
        for (int i = 0; i < 3; ++i) {
            co_await sleep(0);
            co_await condition.acquire();
            ++counter;
            note("counter=" + std::to_string(counter));
            condition.notify();
            condition.release();
        }
        co_await task;
        note("main");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "counter=1@2 counter=2@3 waiter=2@4 counter=3@4 main@4");
}

// cpython/condition_wait_cancelled.py
TEST_F(ConditionTest, ACancelledWaitHoldsTheLockAgainBeforeItRaises) {
    Condition condition(scheduler);
    auto waiter = [&]() -> Coro<void> {
        co_await condition.acquire();
        try {
            co_await condition.wait();
        } catch (const CancelledError&) {
            note("cancelled_locked=" + python_bool(condition.locked()));
            condition.release();
            throw;
        }
        condition.release();
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, waiter());
        co_await sleep(0);
        co_await condition.acquire();
        task.cancel();
        co_await sleep(0);
        co_await sleep(0);
        note("main_releases");
        condition.release();
        try {
            co_await task;
        } catch (const CancelledError&) {
            note("task_cancelled=" + python_bool(task.cancelled()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "main_releases@4 cancelled_locked=True@5 task_cancelled=True@6");
}

TEST_F(ConditionTest, ConditionsCanShareALock) {
    Lock lock(scheduler);
    Condition first(scheduler, lock);
    Condition second(scheduler, lock);
    auto main = [&]() -> Coro<void> {
        co_await first.acquire();
        EXPECT_TRUE(second.locked());
        second.notify();  // no waiters: nothing to wake, and no error since the lock is held
        second.release();
        EXPECT_FALSE(lock.locked());
    };
    run(scheduler, main());
    EXPECT_EQ(&first.lock(), &lock);
}

// cpython/misuse_messages.py
TEST_F(ConditionTest, WaitAndNotifyNeedTheLock) {
    Condition condition(scheduler);
    std::vector<std::string> messages;
    auto main = [&]() -> Coro<void> {
        try {
            co_await condition.wait();
        } catch (const RuntimeError& error) {
            messages.emplace_back(error.what());
        }
    };
    run(scheduler, main());
    try {
        condition.notify();
    } catch (const RuntimeError& error) {
        messages.emplace_back(error.what());
    }
    try {
        condition.notify_all();
    } catch (const RuntimeError& error) {
        messages.emplace_back(error.what());
    }
    EXPECT_EQ(messages, (std::vector<std::string>{"cannot wait on un-acquired lock",
                                                  "cannot notify on un-acquired lock",
                                                  "cannot notify on un-acquired lock"}));
}

// cpython/condition_cancelled_while_reacquiring.py
TEST_F(ConditionTest, CancelledWhileReacquiringItRaisesItsOwnCancelledErrorHoldingTheLock) {
    Condition condition(scheduler);
    auto waiter = [&](std::string name) -> Coro<void> {
        co_await condition.acquire();
        try {
            co_await condition.wait();
        } catch (const CancelledError& error) {
            note(name + "_cancelled_locked=" + python_bool(condition.locked()) +
                 "_args=" + (error.message().empty() ? "0" : "1"));
            condition.release();
            throw;
        }
        condition.release();
    };
    auto main = [&]() -> Coro<void> {
        Task<void> t1 = create_task(scheduler, waiter("t1"));
        Task<void> t2 = create_task(scheduler, waiter("t2"));
        co_await sleep(0);
        co_await condition.acquire();
        condition.notify();
        co_await sleep(0);
        note("lock_waiters=" + std::to_string(condition.lock().waiter_count()));
        t1.cancel("stop");
        t2.cancel("stop");
        co_await sleep(0);
        note("main_releases");
        condition.release();
        for (const Task<void>& task : {t1, t2}) {
            try {
                co_await task;
            } catch (const CancelledError&) {
                note("cancelled=" + python_bool(task.cancelled()));
            }
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "lock_waiters=1@3 main_releases@4 t1_cancelled_locked=True_args=0@5 "
              "t2_cancelled_locked=True_args=1@6 cancelled=True@6 cancelled=True@6");
}

}  // namespace
}  // namespace loopscope
