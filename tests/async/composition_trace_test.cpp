// The trace of composition: one event kind per construct, and the edge a waiting task shows.
#include <gtest/gtest.h>

#include <vector>

#include "async/as_completed.h"
#include "async/gather.h"
#include "async/shield.h"
#include "async/sleep.h"
#include "async/task_group.h"
#include "async/timeout.h"
#include "async/to_thread.h"
#include "async/wait.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

using trace::Event;
using trace::EventKind;

struct CompositionTraceTest : testing::AsyncTest {
    std::vector<Event> events_of(EventKind kind) {
        std::vector<Event> found;
        for (const Event& event : loop.recorder().events()) {
            if (event.kind == kind) {
                found.push_back(event);
            }
        }
        return found;
    }
    // The await edges `task` showed, in order: (kind, object).
    std::vector<std::pair<AwaitKind, std::uint32_t>> waits_of(std::uint32_t task) {
        std::vector<std::pair<AwaitKind, std::uint32_t>> edges;
        for (const Event& event : events_of(EventKind::TaskWaiting)) {
            if (event.subject == task) {
                edges.emplace_back(static_cast<AwaitKind>(event.value), event.object);
            }
        }
        return edges;
    }
    std::uint32_t current_id() const { return scheduler.current_task()->id(); }
};

Coro<int> value_after(Nanos delay, int value) {
    co_await sleep(delay);
    co_return value;
}

TEST_F(CompositionTraceTest, GatherRecordsEachChildAndIsAwaitedAsAGather) {
    std::uint32_t main_id = 0;
    std::uint32_t outer_id = 0;
    std::vector<std::uint32_t> child_ids;
    auto main = [&]() -> Coro<void> {
        main_id = current_id();
        Task<int> a = create_task(scheduler, value_after(milliseconds(1), 1));
        Task<int> b = create_task(scheduler, value_after(milliseconds(2), 2));
        child_ids = {a.id(), b.id(), a.id()};
        auto outer = gather(std::vector<Future<int>>{a, b, a});
        outer_id = outer.id();
        co_await outer;
    };
    run(scheduler, main());
    const auto children = events_of(EventKind::GatherChild);
    ASSERT_EQ(children.size(), 3u);  // one per argument, a duplicate included
    for (std::size_t i = 0; i < children.size(); ++i) {
        EXPECT_EQ(children[i].subject, outer_id);
        EXPECT_EQ(children[i].object, child_ids[i]);
        EXPECT_EQ(children[i].value, static_cast<std::int64_t>(i));
    }
    EXPECT_EQ(waits_of(main_id),
              (std::vector<std::pair<AwaitKind, std::uint32_t>>{{AwaitKind::Gather, outer_id}}));
}

TEST_F(CompositionTraceTest, ShieldRecordsItsInnerFutureAndIsAwaitedAsAShield) {
    std::uint32_t main_id = 0;
    std::uint32_t outer_id = 0;
    std::uint32_t inner_id = 0;
    auto main = [&]() -> Coro<void> {
        main_id = current_id();
        Task<int> inner = create_task(scheduler, value_after(milliseconds(1), 1));
        inner_id = inner.id();
        Future<int> outer = shield(Future<int>(inner));
        outer_id = outer.id();
        co_await outer;
    };
    run(scheduler, main());
    const auto created = events_of(EventKind::ShieldCreated);
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0].subject, outer_id);
    EXPECT_EQ(created[0].object, inner_id);
    EXPECT_EQ(waits_of(main_id),
              (std::vector<std::pair<AwaitKind, std::uint32_t>>{{AwaitKind::Shield, outer_id}}));
}

TEST_F(CompositionTraceTest, WaitIsAwaitedAsAWait) {
    std::uint32_t main_id = 0;
    auto main = [&]() -> Coro<void> {
        main_id = current_id();
        // Named: g++ 12 cannot keep an initializer_list's array across a co_await.
        std::vector<Future<int>> futures{create_task(scheduler, value_after(milliseconds(1), 1))};
        co_await wait(std::move(futures));
    };
    run(scheduler, main());
    const auto edges = waits_of(main_id);
    ASSERT_EQ(edges.size(), 1u);
    EXPECT_EQ(edges[0].first, AwaitKind::Wait);
}

TEST_F(CompositionTraceTest, TaskGroupRecordsEnteringAbortingAndIsAwaitedAsATaskGroup) {
    std::uint32_t main_id = 0;
    std::uint32_t group_id = 0;
    std::uint32_t failing_id = 0;
    auto failing = [&]() -> Coro<void> {
        co_await sleep(milliseconds(1));
        throw ValueError("x");
    };
    auto main = [&]() -> Coro<void> {
        main_id = current_id();
        TaskGroup group(scheduler);
        group_id = group.id();
        group.enter();
        failing_id = group.create_task(failing()).id();
        group.create_task(value_after(seconds(1), 1));
        try {
            co_await group.exit(nullptr);
        } catch (const ExceptionGroup&) {
        }
    };
    run(scheduler, main());
    const auto entered = events_of(EventKind::TaskGroupEntered);
    ASSERT_EQ(entered.size(), 1u);
    EXPECT_EQ(entered[0].subject, group_id);
    EXPECT_EQ(entered[0].object, main_id);
    const auto aborted = events_of(EventKind::TaskGroupAborted);
    ASSERT_EQ(aborted.size(), 1u);
    EXPECT_EQ(aborted[0].subject, group_id);
    EXPECT_EQ(aborted[0].object, failing_id);
    const auto exited = events_of(EventKind::TaskGroupExited);
    ASSERT_EQ(exited.size(), 1u) << "exit() raised the ExceptionGroup, and the group is over";
    EXPECT_EQ(exited[0].subject, group_id);
    EXPECT_EQ(exited[0].object, main_id);
    // The body ended at once: main waits in exit() on the group, which is cancelled once by
    // the failing child (the group's own cancel request), so it waits twice.
    const auto edges = waits_of(main_id);
    ASSERT_EQ(edges.size(), 2u);
    for (const auto& [kind, object] : edges) {
        EXPECT_EQ(kind, AwaitKind::TaskGroup);
        EXPECT_EQ(object, group_id);
    }
}

TEST_F(CompositionTraceTest, ABodyErrorAbortsTheGroupWithNoFailedChild) {
    auto main = [&]() -> Coro<void> {
        TaskGroup group(scheduler);
        group.enter();
        group.create_task(value_after(seconds(1), 1));
        try {
            co_await group.exit(std::make_exception_ptr(ValueError("body")));
        } catch (const ExceptionGroup&) {
        }
    };
    run(scheduler, main());
    const auto aborted = events_of(EventKind::TaskGroupAborted);
    ASSERT_EQ(aborted.size(), 1u);
    EXPECT_EQ(aborted[0].object, 0u);
}

TEST_F(CompositionTraceTest, TimeoutRecordsEachDeadlineAndItsExpiry) {
    std::uint32_t main_id = 0;
    std::uint32_t scope_id = 0;
    Nanos first_deadline = 0;
    auto main = [&]() -> Coro<void> {
        main_id = current_id();
        TimeoutScope scope = timeout(scheduler, seconds(10));
        scope_id = scope.id();
        first_deadline = *scope.when();
        auto body = [&]() -> Coro<void> {
            scope.reschedule(milliseconds(5));  // a deadline in loop time
            co_await sleep(seconds(10));
        };
        try {
            co_await with_timeout(scope, body());
        } catch (const TimeoutError&) {
        }
    };
    run(scheduler, main());
    const auto scheduled = events_of(EventKind::TimeoutScheduled);
    ASSERT_EQ(scheduled.size(), 2u);  // on entry, and on reschedule
    EXPECT_EQ(scheduled[0].subject, scope_id);
    EXPECT_EQ(scheduled[0].object, main_id);
    EXPECT_EQ(scheduled[0].value, first_deadline);
    EXPECT_GE(first_deadline, seconds(10));
    EXPECT_EQ(scheduled[1].value, milliseconds(5));
    const auto expired = events_of(EventKind::TimeoutExpired);
    ASSERT_EQ(expired.size(), 1u);
    EXPECT_EQ(expired[0].subject, scope_id);
    EXPECT_EQ(expired[0].object, main_id);
    EXPECT_EQ(expired[0].value, milliseconds(5));
    EXPECT_GE(expired[0].time, milliseconds(5));
    const auto exited = events_of(EventKind::TimeoutExited);
    ASSERT_EQ(exited.size(), 1u);
    EXPECT_EQ(exited[0].subject, scope_id);
    EXPECT_EQ(exited[0].object, main_id);
    EXPECT_EQ(exited[0].value, 1) << "it expired";
}

TEST_F(CompositionTraceTest, AnExecutorJobIsTiedToItsFutureAndAwaitedAsAJob) {
    std::uint32_t main_id = 0;
    std::uint32_t future_id = 0;
    auto main = [&]() -> Coro<void> {
        main_id = current_id();
        Future<int> future = run_in_executor(
            loop, [] { return 3; }, "three");
        future_id = future.id();
        co_await future;
    };
    run(scheduler, main());
    const auto submitted = events_of(EventKind::JobSubmitted);
    const auto tied = events_of(EventKind::JobFuture);
    ASSERT_EQ(submitted.size(), 1u);
    ASSERT_EQ(tied.size(), 1u);
    EXPECT_EQ(tied[0].subject, submitted[0].subject);
    EXPECT_EQ(tied[0].object, future_id);
    EXPECT_EQ(loop.recorder().text(static_cast<trace::Label>(submitted[0].value)), "three");
    EXPECT_EQ(waits_of(main_id), (std::vector<std::pair<AwaitKind, std::uint32_t>>{
                                     {AwaitKind::ExecutorJob, submitted[0].subject}}));
}

TEST_F(CompositionTraceTest, AsCompletedIsAwaitedAsAWaitForTheNextResult) {
    std::uint32_t main_id = 0;
    auto main = [&]() -> Coro<void> {
        main_id = current_id();
        std::vector<Future<int>> futures = {
            create_task(scheduler, value_after(milliseconds(2), 2)),
            create_task(scheduler, value_after(milliseconds(1), 1))};
        for (Coro<int> next_one : as_completed(futures)) {
            co_await next_one;
        }
    };
    run(scheduler, main());
    const auto edges = waits_of(main_id);
    ASSERT_EQ(edges.size(), 2u) << "one wait per result";
    EXPECT_EQ(edges[0].first, AwaitKind::Wait);
    EXPECT_EQ(edges[1].first, AwaitKind::Wait);
    EXPECT_EQ(edges[0].second, edges[1].second) << "both waits are on the same as_completed";
}

}  // namespace
}  // namespace loopscope
