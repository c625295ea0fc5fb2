// The loop records every state change it makes, in order, with the right subjects.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "loop/event_loop.h"
#include "loop/loop_test_support.h"

namespace loopscope {
namespace {

using trace::Event;
using trace::EventKind;

std::vector<EventKind> kinds_of(const trace::EventLog& events,
                                std::initializer_list<EventKind> wanted) {
    std::vector<EventKind> kinds;
    for (const Event& event : events) {
        if (std::find(wanted.begin(), wanted.end(), event.kind) != wanted.end()) {
            kinds.push_back(event.kind);
        }
    }
    return kinds;
}

std::optional<Event> first(const trace::EventLog& events, EventKind kind) {
    for (const Event event : events) {
        if (event.kind == kind) {
            return event;
        }
    }
    return std::nullopt;
}

TEST(TraceTest, EventsAreSmallAndTriviallyCopyable) {
    static_assert(sizeof(Event) <= 48);
    static_assert(std::is_trivially_copyable_v<Event>);
}

TEST(TraceTest, AnIterationRecordsItsPhasesInOrder) {
    EventLoop loop;
    const auto label = loop.recorder().intern("hello()");
    Handle handle = loop.call_soon([] {}, label);
    loop.run_once();
    const auto& events = loop.recorder().events();
    EXPECT_EQ(kinds_of(events, {EventKind::CallbackScheduled, EventKind::IterationBegin,
                                EventKind::PollBegin, EventKind::PollEnd, EventKind::CallbackBegin,
                                EventKind::CallbackEnd}),
              (std::vector<EventKind>{EventKind::CallbackScheduled, EventKind::IterationBegin,
                                      EventKind::PollBegin, EventKind::PollEnd,
                                      EventKind::CallbackBegin, EventKind::CallbackEnd}));
    const std::optional<Event> begin = first(events, EventKind::CallbackBegin);
    ASSERT_NE(begin, std::nullopt);
    EXPECT_EQ(begin->subject, handle.id());
    EXPECT_EQ(begin->value, label);
    EXPECT_EQ(begin->iteration, 1u);
    EXPECT_EQ(loop.recorder().text(static_cast<trace::Label>(begin->value)), "hello()");
    const std::optional<Event> iteration = first(events, EventKind::IterationBegin);
    EXPECT_EQ(iteration->value, 1);  // one ready callback
    const std::optional<Event> poll = first(events, EventKind::PollBegin);
    EXPECT_EQ(poll->value, 0);  // something was ready: no waiting
}

TEST(TraceTest, TimersAreArmedFiredAndCancelled) {
    EventLoop loop;
    Handle fired = loop.call_later(milliseconds(10), [] {});
    Handle cancelled = loop.call_later(milliseconds(20), [] {});
    cancelled.cancel();
    testing::run_for(loop, milliseconds(30));
    const auto& events = loop.recorder().events();
    const std::optional<Event> armed = first(events, EventKind::TimerArmed);
    ASSERT_NE(armed, std::nullopt);
    EXPECT_EQ(armed->subject, fired.id());
    EXPECT_EQ(armed->value, fired.when());
    const std::optional<Event> fire = first(events, EventKind::TimerFired);
    ASSERT_NE(fire, std::nullopt);
    EXPECT_EQ(fire->subject, fired.id());
    EXPECT_GE(fire->value, 0);  // lateness
    const std::optional<Event> cancel = first(events, EventKind::TimerCancelled);
    ASSERT_NE(cancel, std::nullopt);
    EXPECT_EQ(cancel->subject, cancelled.id());
}

TEST(TraceTest, PollRecordsTheTimeoutAndTheVirtualTimeSkipped) {
    EventLoop loop;
    loop.call_later(milliseconds(250), [&] { loop.stop(); });
    loop.run_forever();
    const auto& events = loop.recorder().events();
    const std::optional<Event> poll = first(events, EventKind::PollBegin);
    ASSERT_NE(poll, std::nullopt);
    EXPECT_GT(poll->value, milliseconds(249));
    const std::optional<Event> end = first(events, EventKind::PollEnd);
    EXPECT_EQ(end->value, milliseconds(250));
}

TEST(TraceTest, SkippedAndFailedCallbacksAreRecorded) {
    EventLoop loop;
    loop.set_exception_handler([](const ExceptionContext&) {});
    Handle skipped = loop.call_soon([] {});
    skipped.cancel();
    Handle failing = loop.call_soon([] { throw std::runtime_error("x"); });
    loop.run_once();
    const auto& events = loop.recorder().events();
    ASSERT_NE(first(events, EventKind::CallbackSkipped), std::nullopt);
    EXPECT_EQ(first(events, EventKind::CallbackSkipped)->subject, skipped.id());
    ASSERT_NE(first(events, EventKind::CallbackFailed), std::nullopt);
    EXPECT_EQ(first(events, EventKind::CallbackFailed)->subject, failing.id());
}

TEST(TraceTest, ThreadsafePostsAndExecutorJobsAreRecorded) {
    EventLoop loop;
    const auto label = loop.recorder().intern("blocking_io");
    const std::uint32_t job =
        loop.run_in_executor([] {}, [&](std::exception_ptr) { loop.stop(); }, label);
    loop.run_forever();
    const auto& events = loop.recorder().events();
    EXPECT_EQ(kinds_of(events, {EventKind::JobSubmitted, EventKind::JobStarted,
                                EventKind::JobFinished, EventKind::ThreadsafePost}),
              (std::vector<EventKind>{EventKind::JobSubmitted, EventKind::JobStarted,
                                      EventKind::JobFinished, EventKind::ThreadsafePost}));
    EXPECT_EQ(first(events, EventKind::JobSubmitted)->subject, job);
    EXPECT_EQ(first(events, EventKind::JobSubmitted)->value, label);
    EXPECT_EQ(first(events, EventKind::JobStarted)->subject, job);
    EXPECT_EQ(first(events, EventKind::JobFinished)->object, 0u);  // worker 0
}

TEST(TraceTest, FdEventsAreRecorded) {
    EventLoop loop;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    loop.add_reader(fds[0], [&] { loop.remove_reader(fds[0]); });
    ASSERT_EQ(write(fds[1], "x", 1), 1);
    loop.run_once();
    const auto& events = loop.recorder().events();
    EXPECT_EQ(
        kinds_of(events, {EventKind::ReaderAdded, EventKind::FdReady, EventKind::ReaderRemoved}),
        (std::vector<EventKind>{EventKind::ReaderAdded, EventKind::FdReady,
                                EventKind::ReaderRemoved}));
    EXPECT_EQ(first(events, EventKind::FdReady)->subject, static_cast<std::uint32_t>(fds[0]));
    close(fds[0]);
    close(fds[1]);
}

TEST(TraceTest, StopCloseAndBlockingAreRecorded) {
    EventLoop loop;
    loop.call_soon([&] {
        loop.block(milliseconds(300));
        loop.stop();
    });
    loop.run_forever();
    loop.close();
    const auto& events = loop.recorder().events();
    ASSERT_NE(first(events, EventKind::LoopBlocked), std::nullopt);
    EXPECT_EQ(first(events, EventKind::LoopBlocked)->value, milliseconds(300));
    EXPECT_EQ(kinds_of(events, {EventKind::LoopStopped, EventKind::LoopClosed}),
              (std::vector<EventKind>{EventKind::LoopStopped, EventKind::LoopClosed}));
}

TEST(TraceTest, LogGrowsAcrossBlocksAndKeepsItsMemoryAfterClear) {
    trace::EventLog log;
    const std::size_t count = trace::EventLog::kBlockEvents * 70 + 10;
    for (std::size_t i = 0; i < count; ++i) {
        log.push_back(Event{static_cast<Nanos>(i), 0, EventKind::CallbackBegin, 0, 0, 0, 0});
    }
    ASSERT_EQ(log.size(), count);
    EXPECT_EQ(log[trace::EventLog::kBlockEvents].time,
              static_cast<Nanos>(trace::EventLog::kBlockEvents));
    EXPECT_EQ(log.back().time, static_cast<Nanos>(count - 1));
    // Sorted by time, so binary search works on the iterators.
    const auto found =
        std::lower_bound(log.begin(), log.end(), Nanos{70000},
                         [](const Event& event, Nanos time) { return event.time < time; });
    EXPECT_EQ(found - log.begin(), 70000);
    const std::size_t bytes = log.capacity_bytes();
    log.clear();
    EXPECT_TRUE(log.empty());
    log.push_back(Event{});
    EXPECT_EQ(log.capacity_bytes(), bytes);
}

TEST(TraceTest, CancellingACallSoonHandleIsRecorded) {
    EventLoop loop;
    Handle handle = loop.call_soon([] {});
    handle.cancel();
    const auto& events = loop.recorder().events();
    ASSERT_NE(first(events, EventKind::CallbackCancelled), std::nullopt);
    EXPECT_EQ(first(events, EventKind::CallbackCancelled)->subject, handle.id());
    EXPECT_EQ(first(events, EventKind::TimerCancelled), std::nullopt);
}

TEST(TraceTest, TimersCarryTheirLabelAndEveryIdIsUnique) {
    EventLoop loop;
    const auto label = loop.recorder().intern("tick()");
    Handle timer = loop.call_later(
        milliseconds(1), [] {}, label);
    Handle soon = loop.call_soon([] {});
    const std::uint32_t job = loop.run_in_executor([] {}, [&](std::exception_ptr) { loop.stop(); });
    loop.run_forever();
    EXPECT_EQ(first(loop.recorder().events(), EventKind::TimerArmed)->object, label);
    const std::set<std::uint32_t> ids{timer.id(), soon.id(), job, loop.next_object_id()};
    EXPECT_EQ(ids.size(), 4u);
}

TEST(TraceTest, LoopBlockedIsRecordedWhenTheBlockStarts) {
    EventLoop loop;
    loop.call_soon([&] { loop.block(seconds(2)); });
    loop.run_once();
    const std::optional<Event> blocked = first(loop.recorder().events(), EventKind::LoopBlocked);
    ASSERT_NE(blocked, std::nullopt);
    EXPECT_LT(blocked->time, seconds(1));
    EXPECT_EQ(blocked->value, seconds(2));
}

TEST(TraceTest, RecordingCanBeSwitchedOff) {
    EventLoop loop;
    loop.recorder().set_enabled(false);
    loop.call_soon([] {});
    loop.run_once();
    EXPECT_EQ(loop.recorder().size(), 0u);
}

}  // namespace
}  // namespace loopscope
