// The State of tasks, the ready queue and the timers after real scheduler runs, checked at
// chosen events of the trace.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "async/future.h"
#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "trace/state.h"
#include "trace/state_test_support.h"

namespace loopscope::trace {
namespace {

using testing::find_event;
using testing::fold_until;
using testing::task_of;

struct StateTaskTest : ::testing::Test {
    EventLoop loop;
    Scheduler scheduler{loop};

    const Recorder& recorder() { return loop.recorder(); }
    State at(std::size_t index) { return fold_until(recorder(), index); }
    std::string text(Label label) { return std::string(recorder().text(label)); }
    std::string describe_at(std::size_t index) { return describe(at(index), recorder()); }
};

TEST_F(StateTaskTest, ATaskGoesFromCreatedThroughATimerAndAFutureToDone) {
    Future<int> answer(loop);
    std::uint32_t child = 0;
    std::uint32_t parent = 0;
    auto child_body = [&]() -> Coro<int> {
        co_await sleep(seconds(1));
        co_return co_await answer;
    };
    auto main = [&]() -> Coro<void> {
        parent = scheduler.current_task()->id();
        Task<int> task = create_task(scheduler, child_body(), {}, "child");
        child = task.id();
        co_await sleep(seconds(2));
        answer.set_result(42);
        co_await task;
    };
    run(scheduler, main());

    const std::size_t created = find_event(recorder(), EventKind::TaskCreated, child);
    {
        const State state = at(created);
        const State::Task& task = task_of(state, child);
        EXPECT_EQ(task.status, TaskStatus::Created);
        EXPECT_EQ(task.parent, parent);
        EXPECT_EQ(text(task.coroutine), "child");
        EXPECT_EQ(text(task_of(at(created + 1), child).name), "Task-2");  // TaskRenamed
    }

    const std::size_t ready = find_event(recorder(), EventKind::TaskReady, child);
    EXPECT_EQ(task_of(at(ready), child).status, TaskStatus::Ready);
    EXPECT_EQ(task_of(at(ready), child).wake_reason, WakeReason::Created);
    std::uint32_t step_handle = 0;
    {
        // The call_soon right behind TaskReady is the step: the queue names the task.
        const State state = at(ready + 1);
        ASSERT_FALSE(state.ready().empty());
        const State::ReadyCallback& back = state.ready().back();
        EXPECT_EQ(back.origin, ReadyOrigin::TaskStep);
        EXPECT_EQ(back.owner, child);
        EXPECT_EQ(text(back.label), "Task-2");
        step_handle = back.handle;
        EXPECT_EQ(task_of(state, child).ready_handle, step_handle);
    }

    const std::size_t step = find_event(recorder(), EventKind::TaskStepBegin, child);
    {
        const State state = at(step);
        EXPECT_EQ(task_of(state, child).status, TaskStatus::Running);
        EXPECT_EQ(state.loop().running_task, child);
        EXPECT_EQ(state.loop().running_handle, step_handle);
        for (const State::ReadyCallback& callback : state.ready()) {
            EXPECT_NE(callback.handle, step_handle);
        }
    }

    const std::size_t waiting = find_event(recorder(), EventKind::TaskWaiting, child);
    const std::uint32_t timer = recorder().events()[waiting].object;
    {
        const State state = at(waiting);
        const State::Task& task = task_of(state, child);
        EXPECT_EQ(task.status, TaskStatus::Running) << "still inside its step";
        EXPECT_EQ(task.await_kind, AwaitKind::Timer);
        EXPECT_EQ(task.awaiting, timer);
        ASSERT_NE(state.timer(timer), nullptr);
        EXPECT_EQ(state.timer(timer)->task, child);
        // The virtual clock ticks a nanosecond per reading: deadlines are near, not at, 1 s.
        EXPECT_NEAR(static_cast<double>(state.timer(timer)->deadline), 1e9, 1e3);
    }
    const std::size_t step_end = find_event(recorder(), EventKind::TaskStepEnd, child, step);
    EXPECT_EQ(task_of(at(step_end), child).status, TaskStatus::Waiting) << describe_at(step_end);
    EXPECT_EQ(at(step_end).loop().running_task, 0u);

    const std::size_t fired = find_event(recorder(), EventKind::TimerFired, timer);
    {
        const State state = at(fired);
        EXPECT_EQ(state.timer(timer), nullptr);
        ASSERT_FALSE(state.ready().empty());
        EXPECT_EQ(state.ready().back().handle, timer);
        EXPECT_EQ(state.ready().back().origin, ReadyOrigin::Timer);
        EXPECT_EQ(state.ready().back().owner, child);
        EXPECT_EQ(state.loop().phase, LoopPhase::FiringTimers);
    }
    const std::size_t woken = find_event(recorder(), EventKind::TaskReady, child, fired);
    {
        const State::Task task = task_of(at(woken), child);
        EXPECT_EQ(task.status, TaskStatus::Ready);
        EXPECT_EQ(task.wake_reason, WakeReason::FutureDone);
        EXPECT_EQ(task.woken_by, timer);
        EXPECT_EQ(task.awaiting, 0u);
    }

    const std::size_t awaits_future = find_event(recorder(), EventKind::TaskWaiting, child, woken);
    const std::size_t second_end =
        find_event(recorder(), EventKind::TaskStepEnd, child, awaits_future);
    {
        const State::Task task = task_of(at(second_end), child);
        EXPECT_EQ(task.status, TaskStatus::Waiting);
        EXPECT_EQ(task.await_kind, AwaitKind::Future);
        EXPECT_EQ(task.awaiting, answer.id());
        EXPECT_EQ(task.steps, 2u);
    }
    const std::size_t answered = find_event(recorder(), EventKind::TaskReady, child, second_end);
    {
        const State::Task task = task_of(at(answered), child);
        EXPECT_EQ(task.status, TaskStatus::Ready);
        EXPECT_EQ(task.woken_by, answer.id());
        EXPECT_EQ(task.wake_reason, WakeReason::FutureDone);
    }

    const std::size_t done = find_event(recorder(), EventKind::TaskDone, child);
    EXPECT_EQ(task_of(at(done), child).status, TaskStatus::Done);
    EXPECT_TRUE(task_of(at(done), child).finished());

    // main waited on the child: TaskWaiting says Future, the State knows it is a task.
    const std::size_t main_waits = find_event(recorder(), EventKind::TaskWaiting, parent, answered);
    const State::Task waiting_main = task_of(at(main_waits), parent);
    EXPECT_EQ(waiting_main.await_kind, AwaitKind::Task);
    EXPECT_EQ(waiting_main.awaiting, child);
}

TEST_F(StateTaskTest, TheReadyQueueIsFifoAndKnowsWhichCallbacksRunThisIteration) {
    std::vector<std::uint32_t> ids;
    std::uint32_t main_id = 0;
    auto yield_once = [&]() -> Coro<void> { co_await sleep(0); };
    auto main = [&]() -> Coro<void> {
        main_id = scheduler.current_task()->id();
        Task<void> a = create_task(scheduler, yield_once(), "a");
        Task<void> b = create_task(scheduler, yield_once(), "b");
        Task<void> c = create_task(scheduler, yield_once(), "c");
        ids = {a.id(), b.id(), c.id()};
        co_await a;
        co_await b;
        co_await c;
    };
    run(scheduler, main());
    const std::uint32_t a = ids[0];
    const std::uint32_t b = ids[1];
    const std::uint32_t c = ids[2];
    const auto owners = [](const State& state) {
        std::vector<std::uint32_t> result;
        for (const State::ReadyCallback& callback : state.ready()) {
            result.push_back(callback.origin == ReadyOrigin::TaskStep ? callback.owner : 0);
        }
        return result;
    };

    const std::size_t main_end = find_event(recorder(), EventKind::TaskStepEnd, main_id);
    EXPECT_EQ(owners(at(main_end)), (std::vector<std::uint32_t>{a, b, c}));

    const std::size_t a_step = find_event(recorder(), EventKind::TaskStepBegin, a);
    {
        const State state = at(a_step);
        EXPECT_EQ(owners(state), (std::vector<std::uint32_t>{b, c}));
        EXPECT_EQ(state.loop().phase, LoopPhase::RunningReady);
        EXPECT_EQ(state.loop().snapshot_left, 2u);
        EXPECT_EQ(state.loop().iteration, 2u);
    }
    const std::size_t a_end = find_event(recorder(), EventKind::TaskStepEnd, a);
    {
        // a yielded: its next step queues behind b and c, which still run in this iteration.
        const State state = at(a_end);
        EXPECT_EQ(owners(state), (std::vector<std::uint32_t>{b, c, a}));
        EXPECT_EQ(state.loop().snapshot_left, 2u);
        EXPECT_EQ(task_of(state, a).status, TaskStatus::Ready);
        EXPECT_EQ(task_of(state, a).wake_reason, WakeReason::Yielded);
        EXPECT_EQ(task_of(state, b).status, TaskStatus::Ready);
    }
}

TEST_F(StateTaskTest, TimersAreListedByDeadlineWithTheTaskSleepingOnEach) {
    std::vector<std::uint32_t> ids;
    auto sleeper = [&](Nanos delay) -> Coro<void> { co_await sleep(delay); };
    auto main = [&]() -> Coro<void> {
        Task<void> three = create_task(scheduler, sleeper(seconds(3)));
        Task<void> one = create_task(scheduler, sleeper(seconds(1)));
        Task<void> two = create_task(scheduler, sleeper(seconds(2)));
        ids = {three.id(), one.id(), two.id()};
        co_await three;
    };
    run(scheduler, main());
    const std::size_t last_armed = find_event(recorder(), EventKind::TaskWaiting, ids[2]);
    const std::vector<State::Timer> timers = at(last_armed).timers_by_deadline();
    ASSERT_EQ(timers.size(), 3u) << describe_at(last_armed);
    // The virtual clock ticks a nanosecond per reading: deadlines are near, not at, whole seconds.
    EXPECT_NEAR(static_cast<double>(timers[0].deadline), 1e9, 1e3);
    EXPECT_EQ(timers[0].task, ids[1]);
    EXPECT_NEAR(static_cast<double>(timers[1].deadline), 2e9, 1e3);
    EXPECT_EQ(timers[1].task, ids[2]);
    EXPECT_NEAR(static_cast<double>(timers[2].deadline), 3e9, 1e3);
    EXPECT_EQ(timers[2].task, ids[0]);

    const std::size_t first_fired = find_event(recorder(), EventKind::TimerFired);
    EXPECT_EQ(at(first_fired).timers_by_deadline().size(), 2u);
    EXPECT_GE(at(first_fired).loop().now, timers[0].deadline);
}

TEST_F(StateTaskTest, ACancelledTaskShowsTheRequestWhereItLandedAndTheMessage) {
    std::uint32_t child = 0;
    std::uint32_t main_id = 0;
    auto sleeper = [&]() -> Coro<void> { co_await sleep(seconds(10)); };
    auto main = [&]() -> Coro<void> {
        main_id = scheduler.current_task()->id();
        Task<void> task = create_task(scheduler, sleeper());
        child = task.id();
        co_await sleep(seconds(1));
        task.cancel("enough");
        try {
            co_await task;
        } catch (const CancelledError&) {
        }
    };
    run(scheduler, main());

    const std::size_t waiting = find_event(recorder(), EventKind::TaskWaiting, child);
    const std::uint32_t timer = recorder().events()[waiting].object;
    const std::size_t requested = find_event(recorder(), EventKind::CancelRequested, child);
    {
        const State::Task task = task_of(at(requested), child);
        EXPECT_EQ(task.status, TaskStatus::Waiting);
        EXPECT_EQ(task.cancel_requests, 1);
        EXPECT_EQ(task.cancel_requested_by, main_id);
        EXPECT_EQ(text(task.cancel_message), "enough");
    }
    const std::size_t delivered = find_event(recorder(), EventKind::CancelDelivered, child);
    EXPECT_TRUE(task_of(at(delivered), child).cancel_thrown);
    EXPECT_EQ(task_of(at(delivered), child).cancel_thrown_at, timer);

    const std::size_t cancelled = find_event(recorder(), EventKind::TaskCancelled, child);
    const State state = at(cancelled);
    EXPECT_EQ(task_of(state, child).status, TaskStatus::Cancelled) << describe_at(cancelled);
    EXPECT_EQ(text(task_of(state, child).outcome), "enough");
    EXPECT_EQ(state.timer(timer), nullptr) << "the sleep's timer was cancelled";
}

TEST_F(StateTaskTest, AFailedTaskKeepsItsExceptionText) {
    std::uint32_t child = 0;
    auto failing = [&]() -> Coro<int> {
        co_await sleep(0);
        throw ValueError("boom");
    };
    auto main = [&]() -> Coro<void> {
        Task<int> task = create_task(scheduler, failing());
        child = task.id();
        try {
            co_await task;
        } catch (const ValueError&) {
        }
    };
    run(scheduler, main());
    const std::size_t failed = find_event(recorder(), EventKind::TaskFailed, child);
    const State::Task task = task_of(at(failed), child);
    EXPECT_EQ(task.status, TaskStatus::Failed);
    EXPECT_THAT(text(task.outcome), ::testing::EndsWith("boom"));  // "ValueError: boom"
    EXPECT_EQ(task.steps, 2u);
    EXPECT_EQ(task_of(at(failed - 1), child).status, TaskStatus::Running)
        << "between the last TaskStepEnd and TaskFailed the coroutine has returned";
}

TEST_F(StateTaskTest, ATaskCancelledWhileReadyGetsCancelledErrorAtItsNextStep) {
    std::uint32_t child = 0;
    auto body = [&]() -> Coro<void> { co_await sleep(0); };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, body());
        child = task.id();
        task.cancel();
        try {
            co_await task;
        } catch (const CancelledError&) {
        }
    };
    run(scheduler, main());
    const std::size_t requested = find_event(recorder(), EventKind::CancelRequested, child);
    EXPECT_EQ(task_of(at(requested), child).status, TaskStatus::Ready);
    const std::size_t delivered = find_event(recorder(), EventKind::CancelDelivered, child);
    EXPECT_EQ(task_of(at(delivered), child).cancel_thrown_at, 0u);
    const std::size_t cancelled = find_event(recorder(), EventKind::TaskCancelled, child);
    EXPECT_EQ(task_of(at(cancelled), child).status, TaskStatus::Cancelled);
    EXPECT_EQ(task_of(at(cancelled), child).steps, 1u);
}

}  // namespace
}  // namespace loopscope::trace
