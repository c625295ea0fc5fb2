// gather: argument order, timing, first error, return_exceptions, cancellation.
// Expectations are lines printed by tests/async/cpython/gather_orders.py (CPython 3.12.1).
#include "async/gather.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "async/sleep.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct GatherTest : testing::AsyncTest {};

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string joined;
    for (const std::string& part : parts) {
        joined += (joined.empty() ? "" : separator) + part;
    }
    return joined;
}

// gather_orders.py resumes_two_iterations_after_last_child
TEST_F(GatherTest, ParentResumesTwoIterationsAfterTheLastChildFinishes) {
    auto child = [&](std::string name, int yields) -> Coro<std::string> {
        note(name + " starts");
        for (int i = 0; i < yields; ++i) {
            co_await sleep(0);
        }
        note(name + " ends");
        co_return name;
    };
    auto main = [&]() -> Coro<void> {
        const auto results = co_await gather(scheduler, child("a", 0), child("b", 2));
        note("main resumes " + join(results, ","));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "a starts@2 a ends@2 b starts@2 b ends@4 main resumes a,b@6");
}

// gather_orders.py results_in_argument_order
TEST_F(GatherTest, ResultsComeInArgumentOrderNotCompletionOrder) {
    auto child = [&](std::string name, Nanos delay) -> Coro<std::string> {
        co_await sleep(delay);
        note(name + " ends");
        co_return name;
    };
    auto main = [&]() -> Coro<void> {
        const auto results = co_await gather(scheduler, child("slow", milliseconds(20)),
                                             child("fast", milliseconds(10)));
        note("results " + join(results, ","));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "fast ends@4 slow ends@7 results slow,fast@9");
}

// gather_orders.py first_exception_at_once_siblings_run_on
TEST_F(GatherTest, FirstErrorFailsTheGatherAtOnceAndSiblingsRunOn) {
    auto failing = [&]() -> Coro<void> {
        co_await sleep(0);
        note("failing raises");
        throw ValueError("bad");
    };
    auto sibling = [&]() -> Coro<void> {
        for (int i = 0; i < 4; ++i) {
            co_await sleep(0);
        }
        note("sibling ends");
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, sibling());
        try {
            co_await gather(scheduler, failing(), task);
        } catch (const ValueError& error) {
            note(std::string("main caught ") + error.what());
        }
        note(std::string("sibling cancelled=") + (task.cancelled() ? "True" : "False"));
        co_await task;
        note("main ends");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "failing raises@3 main caught bad@5 sibling cancelled=False@5 sibling ends@6 "
              "main ends@7");
}

std::string describe(const Outcome<int>& outcome) {
    if (outcome.has_value()) {
        return std::to_string(outcome.value());
    }
    try {
        std::rethrow_exception(outcome.error());
    } catch (const ValueError& error) {
        return std::string("ValueError:") + error.what();
    } catch (const CancelledError& error) {
        return "CancelledError:" + error.message();
    }
}

// gather_orders.py return_exceptions_collects_every_outcome
TEST_F(GatherTest, ReturnExceptionsCollectsEveryOutcomeInArgumentOrder) {
    auto value = [&]() -> Coro<int> { co_return 1; };
    auto failing = [&]() -> Coro<int> {
        throw ValueError("bad");
        co_return 0;  // makes it a coroutine: the error comes from its first step
    };
    auto sleeper = [&]() -> Coro<int> {
        co_await sleep(seconds(10));
        co_return 0;
    };
    auto main = [&]() -> Coro<void> {
        Task<int> cancelled_task = create_task(scheduler, sleeper());
        Future<int> cancelled_future(loop);
        co_await sleep(0);
        cancelled_task.cancel("task message");
        cancelled_future.cancel("future message");
        const auto results = co_await gather(scheduler, return_exceptions, value(), failing(),
                                             cancelled_task, cancelled_future);
        std::vector<std::string> shown;
        for (const Outcome<int>& outcome : results) {
            shown.push_back(describe(outcome));
        }
        note("results " + join(shown, "|"));
    };
    run(scheduler, main());
    // A cancelled task's CancelledError loses the message (Task.cancel keeps it on the awaited
    // future); a cancelled future's keeps it.
    EXPECT_EQ(notes(), "results 1|ValueError:bad|CancelledError:|CancelledError:future message@5");
}

// gather_orders.py cancelling_the_gather_cancels_the_children
TEST_F(GatherTest, CancellingTheGatherCancelsTheChildren) {
    auto child = [&](std::string name) -> Coro<void> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note(name + " cancelled");
            throw;
        }
    };
    auto main = [&]() -> Coro<void> {
        auto gathering = gather(scheduler, child("a"), child("b"));
        co_await sleep(0);
        note(std::string("cancel returns ") + (gathering.cancel() ? "True" : "False"));
        try {
            co_await gathering;
        } catch (const CancelledError&) {
            note("main gets CancelledError");
        }
        note(std::string("cancel again returns ") + (gathering.cancel() ? "True" : "False"));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "cancel returns True@2 a cancelled@3 b cancelled@3 main gets CancelledError@5 "
              "cancel again returns False@5");
}

// gather_orders.py cancelling_wins_over_return_exceptions
TEST_F(GatherTest, CancellingWinsOverReturnExceptions) {
    auto child = [&](std::string name) -> Coro<int> {
        try {
            co_await sleep(seconds(10));
        } catch (const CancelledError&) {
            note(name + " cancelled");
            throw;
        }
        co_return 0;
    };
    auto main = [&]() -> Coro<void> {
        auto gathering = gather(scheduler, return_exceptions, child("a"), child("b"));
        co_await sleep(0);
        gathering.cancel("stop");
        try {
            co_await gathering;
            note("got results");
        } catch (const CancelledError& error) {
            note("main gets CancelledError(" + error.message() + ")");
        }
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "a cancelled@3 b cancelled@3 main gets CancelledError(stop)@5");
}

// test_tasks.py CoroutineGatherTests.test_cancellation_broadcast;
// gather_orders.py cancellation_broadcast
TEST_F(GatherTest, CancellationBroadcast) {
    int proof = 0;
    Future<void> waiter(loop);
    std::optional<Future<std::vector<std::monostate>>> gatherer;
    auto inner = [&]() -> Coro<void> {
        co_await waiter;
        proof += 1;
    };
    auto main = [&]() -> Coro<void> {
        Task<void> child1 = create_task(scheduler, inner());
        Task<void> child2 = create_task(scheduler, inner());
        auto outer = [&]() -> Coro<void> {
            gatherer = gather(std::vector<Future<void>>{child1, child2});
            co_await *gatherer;
            proof += 100;
        };
        Task<void> f = create_task(scheduler, outer());
        co_await sleep(0);
        note(std::string("cancel ") + (f.cancel() ? "True" : "False"));
        try {
            co_await f;
        } catch (const CancelledError&) {
            note("outer cancelled");
        }
        note(std::string("gatherer.cancel ") + (gatherer->cancel() ? "True" : "False"));
        auto yes_no = [](bool value) { return value ? std::string("True") : std::string("False"); };
        note("waiter " + yes_no(waiter.cancelled()) + " child1 " + yes_no(child1.cancelled()) +
             " child2 " + yes_no(child2.cancelled()));
        co_await sleep(0);
        note("proof " + std::to_string(proof));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "cancel True@2 outer cancelled@6 gatherer.cancel False@6 "
              "waiter True child1 True child2 True@6 proof 0@7");
}

// gather_orders.py done_children_make_a_done_gather
TEST_F(GatherTest, DoneChildrenMakeADoneGatherAndDuplicatesRepeatTheirResult) {
    auto main = [&]() -> Coro<void> {
        Future<int> first(loop);
        Future<int> second(loop);
        first.set_result(1);
        second.set_result(2);
        auto gathering = gather(std::vector<Future<int>>{first, second, first});
        note(std::string("done at once ") + (gathering.done() ? "True" : "False"));
        std::vector<std::string> shown;
        for (const int value : gathering.result()) {
            shown.push_back(std::to_string(value));
        }
        note("results [" + join(shown, ", ") + "]");
        co_return;
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "done at once True@1 results [1, 2, 1]@1");
}

TEST_F(GatherTest, GatherOfNothingIsAnEmptyList) {
    auto main = [&]() -> Coro<std::size_t> {
        auto results = co_await gather(std::vector<Future<int>>{});
        co_return results.size();
    };
    EXPECT_EQ(run(scheduler, main()), 0u);
}

}  // namespace
}  // namespace loopscope
