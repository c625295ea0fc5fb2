// Cancellation through chains of awaits, requests counted and taken back, and the test_tasks.py
// cancellation cases. Expectations are lines printed by
// tests/async/cpython/cancellation_orders.py (CPython 3.12.1).
#include "async/cancellation.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "async/sleep.h"
#include "async/task.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct CancellationTest : testing::AsyncTest {
    static std::string python_bool(bool value) { return value ? "True" : "False"; }
};

// cancellation_orders.py cancel_chain
TEST_F(CancellationTest, DownTheChainAtOnceBackUpOneIterationPerLevel) {
    auto b = [&]() -> Coro<void> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("B gets CancelledError");
            throw;
        }
    };
    auto a = [&]() -> Coro<void> {
        try {
            co_await create_task(scheduler, b());
        } catch (const CancelledError&) {
            note("A gets CancelledError");
            throw;
        }
    };
    auto top = [&]() -> Coro<void> {
        try {
            co_await create_task(scheduler, a());
        } catch (const CancelledError&) {
            note("top gets CancelledError");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, top());
        for (int i = 0; i < 3; ++i) {
            co_await sleep(0);
        }
        note("cancel top");
        task.cancel();
        try {
            co_await task;
        } catch (const CancelledError&) {
            note("top cancelled=" + python_bool(task.cancelled()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "cancel top@4 B gets CancelledError@5 A gets CancelledError@6 "
              "top gets CancelledError@7 top cancelled=True@8");
}

// cancellation_orders.py cancel_before_first_step
TEST_F(CancellationTest, CancelledBeforeItsFirstStepTheBodyNeverRuns) {
    bool ran = false;
    auto body = [&]() -> Coro<void> {
        ran = true;
        co_return;
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, body());
        const bool cancelled = task.cancel();  // before cancelling(): `+` does not sequence
        note("cancel " + python_bool(cancelled) +
             " cancelling=" + std::to_string(task.cancelling()));
        try {
            co_await task;
        } catch (const CancelledError&) {
            note("body ran=" + python_bool(ran) + " cancelled=" + python_bool(task.cancelled()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "cancel True cancelling=1@1 body ran=False cancelled=True@3");
}

// cancellation_orders.py catch_uncancel_and_go_on
TEST_F(CancellationTest, ATaskMayCatchUncancelAndGoOn) {
    auto stubborn = [&]() -> Coro<int> {
        TaskCore& task = co_await this_task();
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note("caught cancelling=" + std::to_string(task.cancelling()));
            note("uncancel " + std::to_string(task.uncancel()));
        }
        co_await sleep(0);
        note("goes on");
        co_return 42;
    };
    auto main = [&]() -> Coro<void> {
        Task<int> task = create_task(scheduler, stubborn());
        co_await sleep(0);
        task.cancel();
        task.cancel();
        note("two requests cancelling=" + std::to_string(task.cancelling()));
        const int value = co_await task;
        note("value " + std::to_string(value) + " cancelled=" + python_bool(task.cancelled()) +
             " cancelling=" + std::to_string(task.cancelling()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "two requests cancelling=2@2 caught cancelling=2@3 uncancel 1@3 goes on@4 "
              "value 42 cancelled=False cancelling=1@5");
}

// test_tasks.py test_cancel_awaited_task; cancellation_orders.py cancel_awaited_task
TEST_F(CancellationTest, ATaskCancellingItselfCancelsWhatItAwaitsNext) {
    Future<void> fut(loop);
    std::optional<Task<void>> nested_task;
    std::optional<Task<void>> task;
    auto nested = [&]() -> Coro<void> { co_await fut; };
    auto coro = [&]() -> Coro<void> {
        nested_task = create_task(scheduler, nested());
        co_await sleep(0);
        task->cancel();
        note("cancelled itself");
        co_await *nested_task;
    };
    auto main = [&]() -> Coro<void> {
        task = create_task(scheduler, coro());
        try {
            co_await *task;
        } catch (const CancelledError&) {
            note("task " + python_bool(task->cancelled()) + " nested " +
                 python_bool(nested_task->cancelled()) + " fut " + python_bool(fut.cancelled()));
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "cancelled itself@3 task True nested True fut True@6");
}

// test_tasks.py test_cancel_task_ignoring; cancellation_orders.py cancel_task_ignoring
TEST_F(CancellationTest, ATaskIgnoringCancellationFinishesNormally) {
    Future<void> fut1(loop);
    Future<void> fut2(loop);
    Future<int> fut3(loop);
    auto body = [&]() -> Coro<int> {
        co_await fut1;
        try {
            co_await fut2;
        } catch (const CancelledError&) {
            note("task ignores CancelledError");
        }
        const int res = co_await fut3;
        co_return res;
    };
    auto main = [&]() -> Coro<void> {
        Task<int> t = create_task(scheduler, body());
        auto waits_on = [&](const auto& future) {
            return python_bool(t.core_task().waiting_on() == future.core().get());
        };
        co_await sleep(0);
        note("waits on fut1 " + waits_on(fut1));
        fut1.set_result();
        co_await sleep(0);
        note("waits on fut2 " + waits_on(fut2));
        t.cancel();
        note("fut2 cancelled " + python_bool(fut2.cancelled()));
        co_await sleep(0);
        note("waits on fut3 " + waits_on(fut3));
        fut3.set_result(42);
        const int res = co_await t;
        note("res " + std::to_string(res) + " fut3 cancelled " + python_bool(fut3.cancelled()) +
             " t cancelled " + python_bool(t.cancelled()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "waits on fut1 True@2 waits on fut2 True@3 fut2 cancelled True@3 "
              "task ignores CancelledError@4 waits on fut3 True@4 "
              "res 42 fut3 cancelled False t cancelled False@6");
}

// test_tasks.py test_uncancel_structured_blocks; cancellation_orders.py uncancel_structured_blocks
TEST_F(CancellationTest, UncancelLetsAStructuredBlockEndItsOwnCancellation) {
    using Outcome = std::tuple<bool, bool, bool>;
    auto make_request_with_timeout = [&](Nanos sleep_for, Nanos timeout) -> Coro<Outcome> {
        TaskCore& task = co_await this_task();
        bool timed_out = false;
        bool structured_block_finished = false;
        Handle timeout_handle = loop.call_later(timeout, [&] {
            timed_out = true;
            task.cancel();
        });
        try {
            std::exception_ptr error;
            try {
                co_await sleep(sleep_for);
                structured_block_finished = true;
            } catch (...) {
                error = std::current_exception();
            }
            // The `finally:` block, with the five rules of the CPython test.
            timeout_handle.cancel();
            if (timed_out && task.uncancel() == 0 && is_cancellation(error)) {
                throw TimeoutError();
            }
            if (error) {
                std::rethrow_exception(error);
            }
        } catch (const TimeoutError&) {
            note("TimeoutError");
        }
        co_await sleep(0);
        co_return Outcome{timed_out, structured_block_finished, true};
    };
    auto describe = [&](const char* name, const Outcome& outcome, const Task<Outcome>& task) {
        const auto [timed_out, finished, outer] = outcome;
        return std::string(name) + " timed_out=" + python_bool(timed_out) +
               " finished=" + python_bool(finished) + " outer=" + python_bool(outer) +
               " cancelling=" + std::to_string(task.cancelling());
    };
    auto main = [&]() -> Coro<void> {
        Task<Outcome> t1 =
            create_task(scheduler, make_request_with_timeout(seconds(10), milliseconds(100)));
        const Outcome first = co_await t1;
        note(describe("t1", first, t1));
        Task<Outcome> t2 = create_task(scheduler, make_request_with_timeout(0, seconds(10)));
        const Outcome second = co_await t2;
        note(describe("t2", second, t2));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "TimeoutError@4 t1 timed_out=True finished=False outer=True cancelling=0@6 "
              "t2 timed_out=False finished=True outer=True cancelling=0@10");
}

}  // namespace
}  // namespace loopscope
