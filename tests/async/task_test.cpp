// Tasks: lazy start, steps, waiting, results, names, current and all tasks.
#include "async/task.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "async/run.h"
#include "async/sleep.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

using TaskTest = testing::RecordedOrdersTest;

// A task reaches its scheduler through its loop, so a loop has one scheduler at a time.
TEST(SchedulerTest, ALoopHasOneSchedulerAtATime) {
    EventLoop loop;
    {
        Scheduler first(loop);
        EXPECT_THROW(Scheduler second(loop), RuntimeError);
    }
    Scheduler after_the_first(loop);
    EXPECT_EQ(loop.scheduler(), &after_the_first);
}

TEST_F(TaskTest, ChildStartsNextIterationWhileTheParentKeepsRunning) {
    auto child = [&]() -> Coro<int> {
        note("child_runs");
        co_return 7;
    };
    auto main = [&]() -> Coro<int> {
        note("main_starts");
        Task<int> task = create_task(scheduler, child());
        note("main_continues");
        const int value = co_await task;
        note("main_resumes");
        co_return value;
    };
    EXPECT_EQ(run(scheduler, main()), 7);
    // child finishes in iteration 2, so the awaiting main resumes in iteration 3.
    EXPECT_EQ(log, cpython("child_starts_next_iteration"));
}

TEST_F(TaskTest, SleepZeroIsABareYield) {
    auto main = [&]() -> Coro<void> {
        note("before");
        co_await sleep(0);
        note("after");
    };
    run(scheduler, main());
    EXPECT_EQ(log, cpython("sleep_zero_is_a_bare_yield"));
    EXPECT_EQ(loop.timer_count(), 0u);
}

TEST_F(TaskTest, SleepResumesOneIterationAfterItsTimerFires) {
    auto main = [&]() -> Coro<void> {
        co_await sleep(seconds(1));
        note("woke");
    };
    run(scheduler, main());
    // 1: main sleeps; 2: timer fires, sets the future; 3: the wake-up steps main.
    EXPECT_EQ(log, cpython("sleep_resumes_after_timer"));
    EXPECT_GE(loop.time(), seconds(1));
}

// Thousands of sleeping tasks: their timers fill several of the loop's handle blocks and reuse
// freed slots; cancelling half of them (each cancels its timer through its compact reference)
// must leave the others waking in deadline order, and a cancelled timer must never step a task.
TEST_F(TaskTest, ThousandsOfSleepersWakeInDeadlineOrderAndCancelledOnesStayCancelled) {
    constexpr int kSleepers = 3000;
    std::vector<int> woke;
    auto sleeper = [&](int index) -> Coro<void> {
        // Deadlines out of creation order: 0, 7, 14, ... (mod 3001), one millisecond apart.
        co_await sleep(milliseconds(1 + (index * 7) % (kSleepers + 1)));
        woke.push_back(index);
    };
    auto main = [&]() -> Coro<void> {
        std::vector<Task<void>> tasks;
        for (int i = 0; i < kSleepers; ++i) {
            tasks.push_back(create_task(scheduler, sleeper(i)));
        }
        co_await sleep(0);  // every sleeper is now waiting on its timer
        for (int i = 0; i < kSleepers; i += 2) {
            tasks[static_cast<std::size_t>(i)].cancel();
        }
        for (const Task<void>& task : tasks) {
            try {
                co_await task;
            } catch (const CancelledError&) {
            }
        }
        for (int i = 0; i < kSleepers; ++i) {
            EXPECT_EQ(tasks[static_cast<std::size_t>(i)].cancelled(), i % 2 == 0) << i;
        }
    };
    run(scheduler, main());
    ASSERT_EQ(woke.size(), static_cast<std::size_t>(kSleepers / 2));
    for (std::size_t i = 1; i < woke.size(); ++i) {
        EXPECT_LT((woke[i - 1] * 7) % (kSleepers + 1), (woke[i] * 7) % (kSleepers + 1));
    }
    for (const int index : woke) {
        EXPECT_EQ(index % 2, 1);
    }
}

TEST_F(TaskTest, TasksAreNamedFromOneCounter) {
    std::vector<std::string> names;
    auto child = [&]() -> Coro<void> { co_return; };
    auto main = [&]() -> Coro<void> {
        names.push_back(scheduler.current_task()->name());
        Task<void> a = create_task(scheduler, child());
        Task<void> b = create_task(scheduler, child(), "worker");
        Task<void> c = create_task(scheduler, child());
        names.push_back(a.name());
        names.push_back(b.name());
        names.push_back(c.name());
        c.set_name("renamed");
        names.push_back(c.name());
        co_await a;
        co_await b;
        co_await c;
    };
    run(scheduler, main());
    EXPECT_EQ(names, (std::vector<std::string>{"Task-1", "Task-2", "worker", "Task-3", "renamed"}));
}

// With recording off a default name is kept as its number; what everyone sees must not change.
TEST_F(TaskTest, NamesAreTheSameWithRecordingOff) {
    loop.recorder().set_enabled(false);
    std::vector<std::string> names;
    auto child = [&]() -> Coro<void> { co_await sleep(0); };
    auto main = [&]() -> Coro<void> {
        names.push_back(scheduler.current_task()->name());
        Task<void> a = create_task(scheduler, child());
        Task<void> b = create_task(scheduler, child(), "worker");
        Task<void> c = create_task(scheduler, child());
        names.push_back(a.name());
        names.push_back(b.name());
        names.push_back(c.name());
        names.push_back(c.core_task().repr());
        c.set_name("renamed");
        names.push_back(c.name());
        co_await a;
        co_await b;
        co_await c;
        names.push_back(a.name());
    };
    run(scheduler, main());
    EXPECT_EQ(names,
              (std::vector<std::string>{"Task-1", "Task-2", "worker", "Task-3",
                                        "<Task pending name='Task-3'>", "renamed", "Task-2"}));
    // Nothing needed the default names as text, so the string table never saw them.
    for (std::size_t label = 0; label < loop.recorder().string_count(); ++label) {
        EXPECT_NE(loop.recorder().text(static_cast<trace::Label>(label)), "Task-1");
        EXPECT_NE(loop.recorder().text(static_cast<trace::Label>(label)), "Task-2");
    }
}

// A task created with recording off and stepped after it is switched on: its step callbacks
// are named after the task, as if it had been interned at creation.
TEST_F(TaskTest, RecordingSwitchedOnNamesTheStepsOfOlderTasks) {
    loop.recorder().set_enabled(false);
    std::uint32_t child_id = 0;
    auto child = [&]() -> Coro<void> {
        co_await sleep(0);
        co_await sleep(0);
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, child());
        child_id = task.id();
        co_await sleep(0);  // the child's first step runs; the next is queued
        loop.recorder().set_enabled(true);
        co_await task;
    };
    run(scheduler, main());
    std::vector<std::string> step_names;
    for (const trace::Event& event : loop.recorder().events()) {
        if (event.kind == trace::EventKind::CallbackScheduled && event.object == child_id) {
            step_names.emplace_back(loop.recorder().text(static_cast<trace::Label>(event.value)));
        }
    }
    EXPECT_EQ(step_names, (std::vector<std::string>{"Task-2"}));
}

TEST_F(TaskTest, CurrentTaskIsNullBetweenStepsAndAllTasksListsPendingOnes) {
    std::size_t seen_inside = 0;
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    auto main = [&]() -> Coro<void> {
        Task<void> a = create_task(scheduler, child());
        Task<void> b = create_task(scheduler, child());
        seen_inside = scheduler.all_tasks().size();
        co_await a;
        co_await b;
    };
    EXPECT_EQ(scheduler.current_task(), nullptr);
    run(scheduler, main());
    EXPECT_EQ(seen_inside, 3u);
    EXPECT_TRUE(scheduler.all_tasks().empty());
}

TEST_F(TaskTest, ExceptionsPropagateThroughAwait) {
    auto failing = [&]() -> Coro<int> {
        co_await sleep(0);
        throw ValueError("lost");
    };
    auto main = [&]() -> Coro<std::string> {
        Task<int> task = create_task(scheduler, failing());
        try {
            co_await task;
        } catch (const ValueError& error) {
            co_return error.what();
        }
        co_return "no error";
    };
    EXPECT_EQ(run(scheduler, main()), "lost");
}

TEST_F(TaskTest, AwaitingACoroutineRunsItInTheSameStep) {
    auto inner = [&]() -> Coro<int> {
        note("inner");
        co_return 5;
    };
    auto main = [&]() -> Coro<int> {
        const int a = co_await inner();
        const int b = co_await inner();
        note("main");
        co_return a + b;
    };
    EXPECT_EQ(run(scheduler, main()), 10);
    EXPECT_EQ(log, cpython("awaiting_a_coroutine_runs_inline"));
}

Coro<int> count_down(int depth) {
    if (depth == 0) {
        co_return 0;
    }
    co_return 1 + co_await count_down(depth - 1);
}

TEST_F(TaskTest, DeepSynchronousAwaitChainsDoNotOverflowTheStack) {
    EXPECT_EQ(run(scheduler, count_down(100'000)), 100'000);
}

TEST_F(TaskTest, TaskCannotAwaitItself) {
    std::string error;
    Task<void>* self = nullptr;
    auto main = [&]() -> Coro<void> {
        co_await sleep(0);
        try {
            co_await *self;
        } catch (const RuntimeError& e) {
            error = e.what();
        }
    };
    Task<void> task = create_task(scheduler, main());
    self = &task;
    loop.run_until_complete(task);
    EXPECT_EQ(error, "Task cannot await on itself: <Task pending name='Task-1'>");
}

TEST_F(TaskTest, AFinishedTaskReleasesItsFramesWhileItsHandleLives) {
    auto probe = std::make_shared<int>(1);
    std::weak_ptr<int> watch = probe;
    auto holder = [](std::shared_ptr<int> held) -> Coro<int> {
        co_await sleep(0);
        co_return *held;
    };
    Task<int> task = create_task(scheduler, holder(std::move(probe)));
    EXPECT_EQ(loop.run_until_complete(task), 1);
    EXPECT_TRUE(task.done());
    EXPECT_TRUE(watch.expired());  // the frame's parameter went with the frame
}

TEST_F(TaskTest, ResultOfAPendingTaskIsAnInvalidStateError) {
    auto main = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    Task<void> task = create_task(scheduler, main());
    EXPECT_THROW(task.result(), InvalidStateError);
    loop.run_until_complete(task);
    EXPECT_NO_THROW(task.result());
}

}  // namespace
}  // namespace loopscope
