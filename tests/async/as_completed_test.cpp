// as_completed: awaitables that give results in completion order; a timeout raises.
// Expectations are lines printed by tests/async/cpython/wait_orders.py (CPython 3.12.1).
#include "async/as_completed.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "async/sleep.h"
#include "async/task.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct AsCompletedTest : testing::AsyncTest {
    Coro<std::string> sleeper(Nanos delay, std::string result, bool fail = false) {
        co_await sleep(delay);
        if (fail) {
            throw ValueError(result);
        }
        co_return result;
    }
    Future<std::string> start(Nanos delay, std::string result, bool fail = false) {
        return create_task(scheduler, sleeper(delay, std::move(result), fail));
    }
};

// wait_orders.py as_completed_order
TEST_F(AsCompletedTest, ResultsComeInCompletionOrder) {
    auto main = [&]() -> Coro<void> {
        const std::vector<Future<std::string>> futures{start(milliseconds(30), "a"),
                                                       start(milliseconds(10), "b"),
                                                       start(milliseconds(20), "c")};
        for (Coro<std::string> next_one : as_completed(futures)) {
            note("got " + co_await next_one);
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "got b@6 got c@10 got a@14");
}

// wait_orders.py as_completed_timeout
TEST_F(AsCompletedTest, PastTheTimeoutTheRestRaiseTimeoutError) {
    auto main = [&]() -> Coro<void> {
        const std::vector<Future<std::string>> futures{start(milliseconds(10), "a"),
                                                       start(seconds(10), "b")};
        try {
            for (Coro<std::string> next_one : as_completed(futures, milliseconds(20))) {
                note("got " + co_await next_one);
            }
        } catch (const TimeoutError&) {
            note(std::string("TimeoutError b cancelled=") +
                 (futures[1].cancelled() ? "True" : "False"));
        }
        Future<std::string>(futures[1]).cancel();
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "got a@6 TimeoutError b cancelled=False@8");
}

// wait_orders.py as_completed_raises_in_turn
TEST_F(AsCompletedTest, AFailedFutureRaisesInItsTurn) {
    auto main = [&]() -> Coro<void> {
        const std::vector<Future<std::string>> futures{start(milliseconds(10), "bad", true),
                                                       start(milliseconds(20), "b")};
        AsCompleted<std::string> in_order = as_completed(futures);
        EXPECT_EQ(in_order.size(), 2u);
        for (std::size_t i = 0; i < in_order.size(); ++i) {
            try {
                note("got " + co_await in_order.next());
            } catch (const ValueError& error) {
                note(std::string("raised ") + error.what());
            }
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "raised bad@6 got b@10");
}

// wait_orders.py as_completed_of_done_futures
TEST_F(AsCompletedTest, DoneFuturesStillComeThroughTheirCallbacks) {
    auto main = [&]() -> Coro<void> {
        Future<std::string> first(loop);
        first.set_result("first");
        for (Coro<std::string> next_one : as_completed(std::vector<Future<std::string>>{first})) {
            note("got " + co_await next_one);
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "got first@3");
}

}  // namespace
}  // namespace loopscope
