// The loop part of the State: phases, the ready queue's origins, executor jobs and fds.
#include <gtest/gtest.h>
#include <unistd.h>

#include "loop/event_loop.h"
#include "trace/state.h"
#include "trace/state_test_support.h"

namespace loopscope::trace {
namespace {

using testing::find_event;
using testing::fold_until;

TEST(StateLoopTest, PhasesFollowOneIteration) {
    EventLoop loop;
    const Label label = loop.recorder().intern("tick()");
    loop.call_later(
        milliseconds(250), [&] { loop.stop(); }, label);
    loop.run_forever();
    const Recorder& recorder = loop.recorder();

    EXPECT_EQ(fold_until(recorder, 0).loop().phase, LoopPhase::NotStarted);
    const std::size_t begin = find_event(recorder, EventKind::IterationBegin);
    EXPECT_EQ(fold_until(recorder, begin).loop().phase, LoopPhase::IterationStart);
    EXPECT_EQ(fold_until(recorder, begin).loop().iteration, 1u);

    const std::size_t poll = find_event(recorder, EventKind::PollBegin);
    {
        const State state = fold_until(recorder, poll);
        EXPECT_EQ(state.loop().phase, LoopPhase::Polling);
        EXPECT_GT(state.loop().poll_timeout, milliseconds(249));
        EXPECT_FALSE(state.loop().poll_blocks);  // the virtual clock jumps
        EXPECT_EQ(state.timers().size(), 1u);
    }
    const std::size_t polled = find_event(recorder, EventKind::PollEnd);
    EXPECT_EQ(fold_until(recorder, polled).loop().phase, LoopPhase::FiringTimers);
    EXPECT_EQ(fold_until(recorder, polled).loop().poll_waited, milliseconds(250));
    EXPECT_EQ(fold_until(recorder, polled).loop().now, recorder.events()[polled].time);
    EXPECT_NEAR(static_cast<double>(fold_until(recorder, polled).loop().now), 250e6, 1e3);

    const std::size_t fired = find_event(recorder, EventKind::TimerFired);
    EXPECT_EQ(fold_until(recorder, fired).loop().snapshot_left, 1u);
    const std::size_t running = find_event(recorder, EventKind::CallbackBegin);
    {
        const State state = fold_until(recorder, running);
        EXPECT_EQ(state.loop().phase, LoopPhase::RunningReady);
        EXPECT_EQ(state.loop().running_label, label);
        EXPECT_EQ(state.loop().snapshot_left, 0u);
        EXPECT_TRUE(state.ready().empty());
    }
    const std::size_t stopped = find_event(recorder, EventKind::LoopStopped);
    EXPECT_EQ(fold_until(recorder, stopped).loop().phase, LoopPhase::Stopped);
    EXPECT_EQ(fold_until(recorder, stopped).loop().running_handle, 0u);
}

TEST(StateLoopTest, ABlockingCallShowsAsBlockedAtItsEvent) {
    EventLoop loop;
    loop.call_soon([&] {
        loop.block(milliseconds(30));
        loop.stop();
    });
    loop.run_forever();
    const Recorder& recorder = loop.recorder();
    const std::size_t blocked = find_event(recorder, EventKind::LoopBlocked);
    EXPECT_EQ(fold_until(recorder, blocked).loop().phase, LoopPhase::Blocked);
    EXPECT_EQ(fold_until(recorder, blocked).loop().blocked_for, milliseconds(30));
    EXPECT_EQ(fold_until(recorder, blocked + 1).loop().phase, LoopPhase::RunningReady);
}

TEST(StateLoopTest, AFiredTimerCancelledBeforeItRunsIsMarkedThenSkipped) {
    EventLoop loop;
    Handle timer;
    loop.call_soon([&] { timer.cancel(); });
    timer = loop.call_later(0, [] {});
    loop.run_once();
    const Recorder& recorder = loop.recorder();
    const std::size_t cancelled = find_event(recorder, EventKind::TimerCancelled, timer.id());
    {
        const State state = fold_until(recorder, cancelled);
        ASSERT_EQ(state.ready().size(), 1u);
        EXPECT_EQ(state.ready()[0].handle, timer.id());
        EXPECT_TRUE(state.ready()[0].cancelled);
    }
    const std::size_t skipped = find_event(recorder, EventKind::CallbackSkipped, timer.id());
    EXPECT_TRUE(fold_until(recorder, skipped).ready().empty());
}

TEST(StateLoopTest, AnExecutorJobIsSubmittedRunsOnAWorkerAndPostsItsCompletion) {
    EventLoop loop;
    const Label label = loop.recorder().intern("blocking_io");
    const std::uint32_t job =
        loop.run_in_executor([] {}, [&](std::exception_ptr) { loop.stop(); }, label);
    loop.run_forever();
    const Recorder& recorder = loop.recorder();

    const std::size_t submitted = find_event(recorder, EventKind::JobSubmitted, job);
    ASSERT_NE(fold_until(recorder, submitted).job(job), nullptr);
    EXPECT_EQ(fold_until(recorder, submitted).job(job)->status, JobStatus::Submitted);
    EXPECT_EQ(fold_until(recorder, submitted).job(job)->label, label);
    const std::size_t started = find_event(recorder, EventKind::JobStarted, job);
    EXPECT_EQ(fold_until(recorder, started).job(job)->status, JobStatus::Running);
    EXPECT_EQ(fold_until(recorder, started).job(job)->worker, recorder.events()[started].object);
    const std::size_t finished = find_event(recorder, EventKind::JobFinished, job);
    EXPECT_EQ(fold_until(recorder, finished).job(job)->status, JobStatus::Finished);

    const std::size_t posted = find_event(recorder, EventKind::ThreadsafePost);
    const State state = fold_until(recorder, posted);
    ASSERT_FALSE(state.ready().empty());
    EXPECT_EQ(state.ready().back().origin, ReadyOrigin::Threadsafe);
}

TEST(StateLoopTest, FdWatchesAndTheirReadyCallbacks) {
    EventLoop loop;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    loop.add_reader(fds[0], [&] { loop.remove_reader(fds[0]); });
    ASSERT_EQ(write(fds[1], "x", 1), 1);
    loop.run_once();
    const Recorder& recorder = loop.recorder();
    const auto fd = static_cast<std::uint32_t>(fds[0]);

    const std::size_t added = find_event(recorder, EventKind::ReaderAdded, fd);
    {
        const State state = fold_until(recorder, added);
        ASSERT_EQ(state.fd_watches().size(), 1u);
        EXPECT_EQ(state.fd_watches()[0].fd, fd);
        EXPECT_TRUE(state.fd_watches()[0].reader);
        EXPECT_FALSE(state.fd_watches()[0].writer);
    }
    const std::size_t ready = find_event(recorder, EventKind::FdReady, fd);
    {
        const State state = fold_until(recorder, ready + 1);
        ASSERT_EQ(state.ready().size(), 1u);
        EXPECT_EQ(state.ready()[0].origin, ReadyOrigin::Fd);
        EXPECT_EQ(state.ready()[0].owner, fd);
    }
    const std::size_t removed = find_event(recorder, EventKind::ReaderRemoved, fd);
    EXPECT_TRUE(fold_until(recorder, removed).fd_watches().empty());
    close(fds[0]);
    close(fds[1]);
}

Event hand_built(EventKind kind, std::uint32_t subject, std::uint32_t object = 0,
                 std::int64_t value = 0) {
    return Event{0, 1, kind, 0, subject, object, value};
}

// A done-callback registered before a task's wake-up (to_thread registers one) is scheduled
// first, unlabelled like the wake-up: from TaskReady alone the State takes it for the step.
TEST(StateLoopTest, UnlabelledCallbacksAreTakenForTheStepOfTheTaskMarkedReady) {
    State state;
    for (const Event& event :
         {hand_built(EventKind::TaskCreated, 7), hand_built(EventKind::TaskReady, 7, 3, 2),
          hand_built(EventKind::CallbackScheduled, 20),
          hand_built(EventKind::CallbackScheduled, 21)}) {
        state.apply(event);
    }
    ASSERT_EQ(state.ready().size(), 2u);
    EXPECT_EQ(state.ready()[0].origin, ReadyOrigin::TaskStep);  // a guess, here a wrong one
    EXPECT_EQ(state.ready()[0].owner, 7u);
    EXPECT_EQ(state.ready()[1].origin, ReadyOrigin::CallSoon);
}

// When CallbackScheduled names the task it steps (object), that is what the State believes.
TEST(StateLoopTest, ACallbackThatNamesItsTaskIsThatTasksStep) {
    State state;
    for (const Event& event :
         {hand_built(EventKind::TaskCreated, 7), hand_built(EventKind::TaskReady, 7, 3, 2),
          hand_built(EventKind::CallbackScheduled, 20),
          hand_built(EventKind::CallbackScheduled, 21, 7),
          hand_built(EventKind::TaskReady, 7, 3, 2),
          hand_built(EventKind::CallbackScheduled, 22)}) {
        state.apply(event);
    }
    ASSERT_EQ(state.ready().size(), 3u);
    EXPECT_EQ(state.ready()[0].origin, ReadyOrigin::TaskStep);  // before any name: the guess
    EXPECT_EQ(state.ready()[1].origin, ReadyOrigin::TaskStep);
    EXPECT_EQ(state.ready()[1].owner, 7u);
    EXPECT_EQ(state.task(7)->ready_handle, 21u);
    EXPECT_EQ(state.ready()[2].origin, ReadyOrigin::CallSoon) << "names seen: no more guessing";
}

}  // namespace
}  // namespace loopscope::trace
