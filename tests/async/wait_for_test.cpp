// wait_for (3.12): inline through a timeout scope; a timeout <= 0 cancels at once.
// Expectations are lines printed by tests/async/cpython/timeout_orders.py (CPython 3.12.1).
#include "async/wait_for.h"

#include <gtest/gtest.h>

#include <string>

#include "async/sleep.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct WaitForTest : testing::AsyncTest {
    std::string python_bool(bool value) { return value ? "True" : "False"; }
};

// timeout_orders.py wait_for_timeout_cancels_the_inner_task
TEST_F(WaitForTest, TimeoutCancelsTheInnerTaskAndRaisesTimeoutError) {
    auto inner = [&]() -> Coro<void> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("inner cancelled");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, inner());
        try {
            co_await wait_for(Future<void>(task), milliseconds(10));
        } catch (const TimeoutError&) {
            note("TimeoutError inner cancelled=" + python_bool(task.cancelled()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "inner cancelled@4 TimeoutError inner cancelled=True@5");
}

// timeout_orders.py wait_for_runs_a_coroutine_inline
TEST_F(WaitForTest, ACoroutineRunsInlineInTheCallingTask) {
    TaskCore* main_task = nullptr;
    auto inner = [&]() -> Coro<int> {
        note("inner in main=" + python_bool(scheduler.current_task() == main_task));
        co_await sleep(milliseconds(10));
        co_return 42;
    };
    auto main = [&]() -> Coro<void> {
        main_task = scheduler.current_task();
        const int value = co_await wait_for(inner(), seconds(1));
        note("value " + std::to_string(value));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "inner in main=True@1 value 42@3");
}

// timeout_orders.py wait_for_timeout_on_an_inline_coroutine
TEST_F(WaitForTest, TimeoutOnAnInlineCoroutine) {
    auto inner = [&]() -> Coro<void> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("inner cancelled");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        try {
            co_await wait_for(inner(), milliseconds(10));
        } catch (const TimeoutError&) {
            note("TimeoutError");
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "inner cancelled@3 TimeoutError@3");
}

// timeout_orders.py wait_for_zero_never_starts_a_coroutine
TEST_F(WaitForTest, ZeroTimeoutNeverStartsACoroutine) {
    bool started = false;
    auto inner = [&]() -> Coro<void> {
        started = true;
        co_return;
    };
    auto main = [&]() -> Coro<void> {
        try {
            co_await wait_for(inner(), 0);
        } catch (const TimeoutError&) {
            note("TimeoutError started=" + python_bool(started));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "TimeoutError started=False@4");
}

// timeout_orders.py wait_for_zero_cancels_a_task
TEST_F(WaitForTest, ZeroTimeoutCancelsATaskAndWaitsForIt) {
    auto inner = [&]() -> Coro<void> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("inner cancelled");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, inner());
        co_await sleep(0);
        try {
            co_await wait_for(Future<void>(task), 0);
        } catch (const TimeoutError&) {
            note("TimeoutError cancelled=" + python_bool(task.cancelled()));
        }
        Future<int> done(loop);
        done.set_result(3);
        const int value = co_await wait_for(done, 0);
        note("done future gives " + std::to_string(value));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "inner cancelled@3 TimeoutError cancelled=True@5 done future gives 3@5");
}

// timeout_orders.py wait_for_inner_swallowing_the_cancellation
TEST_F(WaitForTest, AnInnerCoroutineThatSwallowsTheCancellationReturnsItsValue) {
    auto stubborn = [&]() -> Coro<int> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("stubborn swallows");
        }
        co_return 7;
    };
    auto main = [&]() -> Coro<void> {
        const int value = co_await wait_for(stubborn(), milliseconds(10));
        note("value " + std::to_string(value) +
             " cancelling=" + std::to_string(scheduler.current_task()->cancelling()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "stubborn swallows@3 value 7 cancelling=0@3");
}

// timeout_orders.py wait_for_cancelled_from_outside
TEST_F(WaitForTest, CancellingTheWaiterCancelsTheInnerTaskWithoutTimeoutError) {
    auto inner = [&]() -> Coro<void> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("inner cancelled");
            throw;
        }
    };
    auto waiter = [&](Task<void> task) -> Coro<void> {
        try {
            co_await wait_for(Future<void>(task), seconds(5));
        } catch (const CancelledError&) {
            note("waiter gets CancelledError");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        Task<void> inner_task = create_task(scheduler, inner());
        Task<void> waiting = create_task(scheduler, waiter(inner_task));
        co_await sleep(0);
        waiting.cancel();
        try {
            co_await waiting;
        } catch (const CancelledError&) {
            note("waiter cancelled=" + python_bool(waiting.cancelled()) +
                 " inner cancelled=" + python_bool(inner_task.cancelled()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "inner cancelled@3 waiter gets CancelledError@4 waiter cancelled=True inner "
              "cancelled=True@5");
}

// timeout_orders.py wait_for_without_timeout
TEST_F(WaitForTest, NoTimeoutWaitsAsLongAsItTakes) {
    auto inner = [&]() -> Coro<int> {
        co_await sleep(milliseconds(10));
        co_return 5;
    };
    auto main = [&]() -> Coro<void> {
        const int value = co_await wait_for(inner(), std::nullopt);
        note("value " + std::to_string(value));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "value 5@3");
}

}  // namespace
}  // namespace loopscope
