// Task.cancel: requests, delivery at the await, swallowing, and the trace of it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

using TaskCancelTest = testing::RecordedOrdersTest;

TEST_F(TaskCancelTest, TaskCancelledBeforeItsFirstStepNeverRunsItsBody) {
    bool body_ran = false;
    auto child = [&]() -> Coro<void> {
        body_ran = true;
        co_return;
    };
    auto main = [&]() -> Coro<bool> {
        Task<void> task = create_task(scheduler, child());
        task.cancel();
        try {
            co_await task;
        } catch (const CancelledError&) {
            co_return task.cancelled();
        }
        co_return false;
    };
    EXPECT_TRUE(run(scheduler, main()));
    EXPECT_FALSE(body_ran);
}

TEST_F(TaskCancelTest, CancelMessageArrivesWithTheCancelledError) {
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(10)); };
    auto main = [&]() -> Coro<std::string> {
        Task<void> task = create_task(scheduler, child());
        co_await sleep(0);
        task.cancel("stop now");
        try {
            co_await task;
        } catch (const CancelledError& error) {
            co_return error.message();
        }
        co_return "not cancelled";
    };
    EXPECT_EQ(run(scheduler, main()), "stop now");
}

TEST_F(TaskCancelTest, ATaskMayCatchCancelledErrorAndGoOn) {
    auto stubborn = [&]() -> Coro<int> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("caught");
        }
        co_await sleep(seconds(1));
        note("finished_anyway");
        co_return 42;
    };
    auto main = [&]() -> Coro<int> {
        Task<int> task = create_task(scheduler, stubborn());
        co_await sleep(0);
        EXPECT_TRUE(task.cancel());
        const int value = co_await task;
        EXPECT_FALSE(task.cancelled());
        // The request stays counted until uncancel().
        note("cancelling=" + std::to_string(task.cancelling()));
        co_return value;
    };
    EXPECT_EQ(run(scheduler, main()), 42);
    EXPECT_EQ(log, cpython("catch_cancelled_and_go_on"));
}

TEST_F(TaskCancelTest, CancellingCountsRequestsAndUncancelTakesThemBack) {
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, child());
        EXPECT_EQ(task.cancelling(), 0);
        task.cancel();
        task.cancel();
        EXPECT_EQ(task.cancelling(), 2);
        EXPECT_EQ(task.uncancel(), 1);
        EXPECT_EQ(task.uncancel(), 0);
        EXPECT_EQ(task.uncancel(), 0);
        try {
            co_await task;
        } catch (const CancelledError&) {
        }
    };
    run(scheduler, main());
}

TEST_F(TaskCancelTest, CancellingADoneTaskReturnsFalse) {
    auto child = [&]() -> Coro<int> { co_return 1; };
    auto main = [&]() -> Coro<void> {
        Task<int> task = create_task(scheduler, child());
        co_await task;
        EXPECT_FALSE(task.cancel());
        EXPECT_EQ(task.cancelling(), 0);
    };
    run(scheduler, main());
}

TEST_F(TaskCancelTest, CancelWhileRunningIsDeliveredAtTheNextAwait) {
    auto self_cancelling = [&]() -> Coro<void> {
        scheduler.current_task()->cancel();
        note("still_running");
        try {
            co_await sleep(seconds(5));  // its future is cancelled as soon as it is awaited
        } catch (const CancelledError&) {
            note("cancelled_at_the_await");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, self_cancelling());
        try {
            co_await task;
        } catch (const CancelledError&) {
        }
    };
    run(scheduler, main());
    EXPECT_EQ(log, cpython("cancel_while_running"));
    EXPECT_LT(loop.time(), seconds(1));
}

}  // namespace
}  // namespace loopscope
