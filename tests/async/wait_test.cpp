// wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout that raises nothing.
// Expectations are lines printed by tests/async/cpython/wait_orders.py (CPython 3.12.1).
#include "async/wait.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "async/sleep.h"
#include "async/task.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct WaitTest : testing::AsyncTest {
    Coro<int> sleeper(Nanos delay, int result, bool fail = false) {
        co_await sleep(delay);
        if (fail) {
            throw ValueError("bad");
        }
        co_return result;
    }
    Task<int> start(std::string name, Nanos delay, int result, bool fail = false) {
        return create_task(scheduler, sleeper(delay, result, fail), std::move(name));
    }
};

// The names of `futures`, sorted as the script sorts them; "-" for none.
std::string names(const std::vector<Future<int>>& futures, const std::vector<Task<int>>& tasks) {
    std::vector<std::string> found;
    for (const Future<int>& future : futures) {
        for (const Task<int>& task : tasks) {
            if (task == future) {
                found.push_back(task.name());
            }
        }
    }
    std::sort(found.begin(), found.end());
    std::string joined;
    for (const std::string& name : found) {
        joined += (joined.empty() ? "" : ",") + name;
    }
    return joined.empty() ? "-" : joined;
}

// wait_orders.py wait_all_completed
TEST_F(WaitTest, AllCompletedWaitsForEveryFuture) {
    auto main = [&]() -> Coro<void> {
        const std::vector<Task<int>> tasks{start("a", milliseconds(10), 1),
                                           start("b", milliseconds(20), 2)};
        auto [done, pending] = co_await wait(std::vector<Future<int>>(tasks.begin(), tasks.end()));
        note("done " + names(done, tasks) + " pending " + names(pending, tasks));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "done a,b pending -@9");
}

// wait_orders.py wait_first_completed
TEST_F(WaitTest, FirstCompletedReturnsAfterTheFirstOne) {
    auto main = [&]() -> Coro<void> {
        const std::vector<Task<int>> tasks{start("a", milliseconds(10), 1),
                                           start("b", milliseconds(20), 2)};
        auto [done, pending] = co_await wait(std::vector<Future<int>>(tasks.begin(), tasks.end()),
                                             std::nullopt, ReturnWhen::FirstCompleted);
        note("done " + names(done, tasks) + " pending " + names(pending, tasks));
        co_await tasks[1];
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "done a pending b@6");
}

// wait_orders.py wait_first_exception
TEST_F(WaitTest, FirstExceptionReturnsAfterTheFirstFailure) {
    auto main = [&]() -> Coro<void> {
        const std::vector<Task<int>> tasks{start("a", milliseconds(10), 1),
                                           start("b", milliseconds(20), 0, true),
                                           start("c", milliseconds(30), 3)};
        auto [done, pending] = co_await wait(std::vector<Future<int>>(tasks.begin(), tasks.end()),
                                             std::nullopt, ReturnWhen::FirstException);
        note("done " + names(done, tasks) + " pending " + names(pending, tasks));
        co_await tasks[2];
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "done a,b pending c@9");
}

// wait_orders.py wait_first_exception_without_one
TEST_F(WaitTest, FirstExceptionWithoutFailuresWaitsForAll) {
    auto main = [&]() -> Coro<void> {
        const std::vector<Task<int>> tasks{start("a", milliseconds(10), 1),
                                           start("b", milliseconds(20), 2)};
        auto [done, pending] = co_await wait(std::vector<Future<int>>(tasks.begin(), tasks.end()),
                                             std::nullopt, ReturnWhen::FirstException);
        note("done " + names(done, tasks) + " pending " + names(pending, tasks));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "done a,b pending -@9");
}

// wait_orders.py wait_timeout_returns_pending
TEST_F(WaitTest, TimeoutReturnsThePendingOnesWithoutRaisingOrCancelling) {
    auto main = [&]() -> Coro<void> {
        std::vector<Task<int>> tasks{start("a", milliseconds(10), 1), start("b", seconds(10), 2)};
        auto [done, pending] =
            co_await wait(std::vector<Future<int>>(tasks.begin(), tasks.end()), milliseconds(20));
        note("done " + names(done, tasks) + " pending " + names(pending, tasks) +
             " b cancelled=" + (tasks[1].cancelled() ? "True" : "False"));
        tasks[1].cancel();
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "done a pending b b cancelled=False@7");
}

// wait_orders.py wait_for_nothing
TEST_F(WaitTest, WaitingForNothingIsAValueError) {
    auto main = [&]() -> Coro<void> {
        try {
            co_await wait(std::vector<Future<int>>{});
        } catch (const ValueError& error) {
            note(std::string("ValueError ") + error.what());
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "ValueError Set of Tasks/Futures is empty.@1");
}

}  // namespace
}  // namespace loopscope
