// shield: the awaiter's cancellation stops at the shield; the inner work runs on.
// Expectations are lines printed by tests/async/cpython/shield_orders.py (CPython 3.12.1).
#include "async/shield.h"

#include <gtest/gtest.h>

#include <string>

#include "async/sleep.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct ShieldTest : testing::AsyncTest {};

std::string python_bool(bool value) {
    return value ? "True" : "False";
}

// shield_orders.py cancelling_the_awaiter_leaves_the_inner_running
TEST_F(ShieldTest, CancellingTheAwaiterLeavesTheInnerRunning) {
    auto inner = [&]() -> Coro<int> {
        co_await sleep(milliseconds(10));
        note("inner ends");
        co_return 7;
    };
    auto awaiter = [&](Task<int> task) -> Coro<void> {
        try {
            co_await shield(Future<int>(task));
        } catch (const CancelledError&) {
            note("awaiter cancelled");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        Task<int> inner_task = create_task(scheduler, inner());
        Task<void> awaiting = create_task(scheduler, awaiter(inner_task));
        co_await sleep(0);
        awaiting.cancel();
        try {
            co_await awaiting;
        } catch (const CancelledError&) {
            note("inner cancelled=" + python_bool(inner_task.cancelled()));
        }
        const int result = co_await inner_task;
        note("inner result " + std::to_string(result));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "awaiter cancelled@3 inner cancelled=False@4 inner ends@6 inner result 7@7");
}

// shield_orders.py cancelled_inner_cancels_the_shield
TEST_F(ShieldTest, ACancelledInnerCancelsTheShield) {
    auto inner = [&]() -> Coro<void> { co_await sleep(seconds(10)); };
    auto main = [&]() -> Coro<void> {
        Task<void> inner_task = create_task(scheduler, inner());
        Future<void> shielded = shield(Future<void>(inner_task));
        co_await sleep(0);
        inner_task.cancel();
        try {
            co_await shielded;
        } catch (const CancelledError&) {
            note("shield cancelled=" + python_bool(shielded.cancelled()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "shield cancelled=True@5");
}

// shield_orders.py results_and_errors_pass_through
TEST_F(ShieldTest, ResultsAndErrorsPassThrough) {
    auto value = [&]() -> Coro<int> {
        co_await sleep(0);
        co_return 5;
    };
    auto failing = [&]() -> Coro<int> {
        co_await sleep(0);
        throw ValueError("bad");
    };
    auto main = [&]() -> Coro<void> {
        const int result = co_await shield(scheduler, value());
        note("value " + std::to_string(result));
        try {
            co_await shield(scheduler, failing());
        } catch (const ValueError& error) {
            note(std::string("error ") + error.what());
        }
        Future<int> done(loop);
        done.set_result(1);
        note("done future is its own shield " + python_bool(shield(done) == done));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "value 5@5 error bad@9 done future is its own shield True@9");
}

}  // namespace
}  // namespace loopscope
