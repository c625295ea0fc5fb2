// timeout / timeout_at: expiry, nesting, rescheduling, and the enter/exit protocol.
// Expectations are lines printed by tests/async/cpython/timeout_orders.py (CPython 3.12.1).
#include "async/timeout.h"

#include <gtest/gtest.h>

#include <string>

#include "async/sleep.h"
#include "async/task.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

// asyncio.sleep is a coroutine; ours is a plain awaitable, so wrap it where a Coro is needed.
Coro<void> nap(Nanos delay) {
    co_await sleep(delay);
}

struct TimeoutTest : testing::AsyncTest {
    std::string python_bool(bool value) { return value ? "True" : "False"; }
    int cancelling() { return scheduler.current_task()->cancelling(); }
};

// timeout_orders.py timeout_expires
TEST_F(TimeoutTest, ExpiryCancelsTheBodyAndLeavingRaisesTimeoutError) {
    auto main = [&]() -> Coro<void> {
        TimeoutScope scope = timeout(scheduler, milliseconds(10));
        scope.enter();
        std::exception_ptr error;
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("body cancelled");
            error = std::current_exception();
        }
        try {
            scope.exit(error);
        } catch (const TimeoutError& timeout_error) {
            EXPECT_TRUE(timeout_error.cause());  // raised from the CancelledError
            note("TimeoutError expired=" + python_bool(scope.expired()) +
                 " cancelling=" + std::to_string(cancelling()));
        }
        note(scope.repr());
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "body cancelled@3 TimeoutError expired=True cancelling=0@3 <Timeout [expired]>@3");
}

// test_timeouts.py test_nested_timeouts; timeout_orders.py nested_timeouts
TEST_F(TimeoutTest, NestedTimeoutsOnlyTheOutermostConverts) {
    auto main = [&]() -> Coro<void> {
        bool cancelled = false;
        const Nanos deadline = loop.time() + milliseconds(10);
        TimeoutScope cm1 = timeout_at(scheduler, deadline);
        TimeoutScope cm2 = timeout_at(scheduler, deadline);
        auto inner_scope = [&]() -> Coro<void> {
            try {
                co_await with_timeout(cm2, nap(seconds(10)));
            } catch (const CancelledError&) {
                cancelled = true;
                note("inner scope let CancelledError through");
                throw;
            }
        };
        try {
            co_await with_timeout(cm1, inner_scope());
        } catch (const TimeoutError&) {
            note("outer scope raised TimeoutError cancelled=" + python_bool(cancelled) +
                 " cm1=" + python_bool(cm1.expired()) + " cm2=" + python_bool(cm2.expired()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "inner scope let CancelledError through@3 outer scope raised TimeoutError "
              "cancelled=True cm1=True cm2=True@3");
}

// timeout_orders.py inner_timeout_inside_outer
TEST_F(TimeoutTest, AnInnerExpiryLeavesTheOuterScopeAlone) {
    auto main = [&]() -> Coro<void> {
        TimeoutScope outer = timeout(scheduler, seconds(10));
        auto body = [&]() -> Coro<void> {
            try {
                co_await with_timeout(milliseconds(10), nap(seconds(10)));
            } catch (const TimeoutError&) {
                note("inner TimeoutError");
            }
            co_await sleep(0);
            note("outer body goes on");
        };
        co_await with_timeout(outer, body());
        note("outer expired=" + python_bool(outer.expired()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "inner TimeoutError@3 outer body goes on@4 outer expired=False@4");
}

// timeout_orders.py timeout_not_reached
TEST_F(TimeoutTest, ABodyThatEndsInTimeIsNotExpired) {
    auto main = [&]() -> Coro<void> {
        TimeoutScope scope = timeout(scheduler, seconds(10));
        auto body = [&]() -> Coro<void> {
            co_await sleep(milliseconds(10));
            note("body done");
        };
        co_await with_timeout(scope, body());
        note("expired=" + python_bool(scope.expired()) + " " + scope.repr());
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "body done@3 expired=False <Timeout [finished]>@3");
    EXPECT_EQ(loop.timer_count(), 0u);  // leaving cancelled the deadline's timer
}

// timeout_orders.py reschedule_moves_the_deadline
TEST_F(TimeoutTest, RescheduleMovesTheDeadline) {
    auto main = [&]() -> Coro<void> {
        TimeoutScope scope = timeout(scheduler, std::nullopt);
        auto body = [&]() -> Coro<void> {
            note(std::string("when=") + (scope.when() ? std::to_string(*scope.when()) : "None"));
            scope.reschedule(loop.time() + milliseconds(10));
            co_await sleep(seconds(10));
        };
        try {
            co_await with_timeout(scope, body());
        } catch (const TimeoutError&) {
            note("TimeoutError");
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "when=None@1 TimeoutError@3");
}

// timeout_orders.py past_deadline_expires_next_iteration
TEST_F(TimeoutTest, APastDeadlineExpiresInTheNextIteration) {
    auto main = [&]() -> Coro<void> {
        auto body = [&]() -> Coro<void> {
            note("body starts");
            co_await sleep(seconds(10));
        };
        try {
            co_await with_timeout(timeout_at(scheduler, loop.time() - seconds(1)), body());
        } catch (const TimeoutError&) {
            note("TimeoutError");
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "body starts@1 TimeoutError@3");
}

// timeout_orders.py repr_and_misuse
TEST_F(TimeoutTest, ReprAndMisuse) {
    auto main = [&]() -> Coro<void> {
        TimeoutScope scope = timeout_at(scheduler, std::nullopt);
        note(scope.repr());
        try {
            scope.reschedule(std::nullopt);
        } catch (const RuntimeError& error) {
            note(std::string("RuntimeError ") + error.what());
        }
        scope.enter();
        note(scope.repr());
        scope.reschedule(seconds_to_nanos(1234.5678));
        note(scope.repr());
        scope.reschedule(std::nullopt);
        try {
            scope.enter();
        } catch (const RuntimeError& error) {
            note(std::string("RuntimeError ") + error.what());
        }
        scope.exit(nullptr);
        note(scope.repr());
        try {
            scope.reschedule(std::nullopt);
        } catch (const RuntimeError& error) {
            note(std::string("RuntimeError ") + error.what());
        }
        co_return;
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "<Timeout [created]>@1 RuntimeError Timeout has not been entered@1 "
              "<Timeout [active] when=None>@1 <Timeout [active] when=1234.568>@1 "
              "RuntimeError Timeout has already been entered@1 <Timeout [finished]>@1 "
              "RuntimeError Cannot change state of finished Timeout@1");
}

// timeout_orders.py body_that_never_yields_cannot_expire
TEST_F(TimeoutTest, ABodyThatNeverYieldsCannotExpire) {
    auto main = [&]() -> Coro<void> {
        TimeoutScope scope = timeout_at(scheduler, loop.time());
        scope.enter();
        note("body ends cancelling=" + std::to_string(cancelling()));
        scope.exit(nullptr);
        note("expired=" + python_bool(scope.expired()) +
             " cancelling=" + std::to_string(cancelling()));
        try {
            co_await sleep(0);
            note("no pending cancellation");
        } catch (const CancelledError&) {
            note("the pending cancellation is delivered");
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "body ends cancelling=0@1 expired=False cancelling=0@1 no pending cancellation@2");
}

TEST_F(TimeoutTest, EnteringOutsideATaskIsARuntimeError) {
    TimeoutScope scope = timeout(scheduler, seconds(1));
    EXPECT_THROW(scope.enter(), RuntimeError);
}

}  // namespace
}  // namespace loopscope
