// The State of real compositions (gather, wait_for's timeout, to_thread): what the waiting task
// is said to wait on, and how long the composite lives.
#include <gtest/gtest.h>

#include <vector>

#include "async/gather.h"
#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "async/to_thread.h"
#include "async/wait_for.h"
#include "trace/state_index.h"
#include "trace/state_test_support.h"

namespace loopscope::trace {
namespace {

using testing::find_event;
using testing::fold_until;
using testing::task_of;

TEST(StateCompositionTest, GatherTimeoutAndExecutorJobEdges) {
    EventLoop loop;
    Scheduler scheduler{loop};
    std::uint32_t main_id = 0;
    auto child = [&](Nanos delay) -> Coro<int> {
        co_await sleep(delay);
        co_return 1;
    };
    auto main = [&]() -> Coro<void> {
        main_id = scheduler.current_task()->id();
        std::vector<Future<int>> children;
        for (int i = 0; i < 3; ++i) {
            children.push_back(create_task(scheduler, child(milliseconds(i + 1))));
        }
        co_await gather(children);
        try {
            co_await wait_for<int>(create_task(scheduler, child(seconds(5))), milliseconds(10));
        } catch (const TimeoutError&) {
        }
        co_await to_thread([] { return 3; }, "compute");
    };
    run(scheduler, main());
    const Recorder& recorder = loop.recorder();

    const std::size_t gathered = find_event(recorder, EventKind::GatherChild);
    const std::uint32_t gather_id = recorder.events()[gathered].subject;
    const std::size_t waits_gather = find_event(recorder, EventKind::TaskWaiting, main_id);
    {
        const State state = fold_until(recorder, waits_gather);
        EXPECT_EQ(task_of(state, main_id).await_kind, AwaitKind::Gather);
        EXPECT_EQ(task_of(state, main_id).awaiting, gather_id);
        ASSERT_NE(state.composite(gather_id), nullptr);
        EXPECT_EQ(state.composite(gather_id)->children, 3u);
        EXPECT_EQ(state.gather_edges().size(), 3u);
    }
    const std::size_t gather_done = find_event(recorder, EventKind::FutureDone, gather_id);
    EXPECT_EQ(fold_until(recorder, gather_done).composite(gather_id), nullptr);
    EXPECT_TRUE(fold_until(recorder, gather_done).gather_edges().empty());

    const std::size_t scheduled = find_event(recorder, EventKind::TimeoutScheduled);
    const std::uint32_t timeout_id = recorder.events()[scheduled].subject;
    {
        const State state = fold_until(recorder, scheduled);
        ASSERT_NE(state.composite(timeout_id), nullptr);
        EXPECT_EQ(state.composite(timeout_id)->kind, State::CompositeKind::Timeout);
        EXPECT_EQ(state.composite(timeout_id)->owner, main_id);
        EXPECT_FALSE(state.composite(timeout_id)->fired);
    }
    const std::size_t expired = find_event(recorder, EventKind::TimeoutExpired, timeout_id);
    EXPECT_TRUE(fold_until(recorder, expired).composite(timeout_id)->fired);
    const std::size_t exited = find_event(recorder, EventKind::TimeoutExited, timeout_id);
    EXPECT_EQ(recorder.events()[exited].value, 1) << "it expired";
    EXPECT_EQ(fold_until(recorder, exited).composite(timeout_id), nullptr);

    const std::size_t job_future = find_event(recorder, EventKind::JobFuture);
    const std::uint32_t job = recorder.events()[job_future].subject;
    const std::size_t waits_job = find_event(recorder, EventKind::TaskWaiting, main_id, job_future);
    {
        const State state = fold_until(recorder, waits_job);
        EXPECT_EQ(task_of(state, main_id).await_kind, AwaitKind::ExecutorJob);
        EXPECT_EQ(task_of(state, main_id).awaiting, job);
        ASSERT_NE(state.job(job), nullptr);
        EXPECT_EQ(state.job(job)->future, recorder.events()[job_future].object);
        EXPECT_EQ(recorder.text(state.job(job)->label), "compute");
    }

    StateIndex index(recorder, {.min_spacing = 16, .checkpoint_bytes_per_event = 1 << 20});
    index.update();
    State reused;
    for (std::size_t i = 0; i < recorder.size(); i += 3) {
        index.seek(recorder.size() - 1 - i, reused);
        ASSERT_TRUE(reused == fold_until(recorder, recorder.size() - 1 - i)) << "at event " << i;
    }
}

}  // namespace
}  // namespace loopscope::trace
