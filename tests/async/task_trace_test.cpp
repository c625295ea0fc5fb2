// What a task's life looks like in the trace: one event per state change, with its edges.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "loop/real_clock.h"
#include "trace/recording.h"
#include "trace/state.h"

namespace loopscope {
namespace {

using trace::Event;
using trace::EventKind;
using trace::WakeReason;

std::vector<Event> events_of(const trace::Recorder& recorder, std::uint32_t task) {
    std::vector<Event> found;
    for (const Event& event : recorder.events()) {
        if (event.kind >= EventKind::TaskCreated && event.kind <= EventKind::Uncancelled &&
            event.subject == task) {
            found.push_back(event);
        }
    }
    return found;
}

std::vector<EventKind> kinds(const std::vector<Event>& events) {
    std::vector<EventKind> result;
    for (const Event& event : events) {
        result.push_back(event.kind);
    }
    return result;
}

TEST(TaskTraceTest, ALifeFromCreationThroughATimerToDone) {
    EventLoop loop;
    Scheduler scheduler(loop);
    std::uint32_t child_id = 0;
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, child(), {}, "child");
        child_id = task.id();
        co_await task;
    };
    run(scheduler, main());
    const auto events = events_of(loop.recorder(), child_id);
    EXPECT_EQ(kinds(events), (std::vector<EventKind>{EventKind::TaskCreated, EventKind::TaskRenamed,
                                                     EventKind::TaskReady, EventKind::TaskStepBegin,
                                                     EventKind::TaskWaiting, EventKind::TaskStepEnd,
                                                     EventKind::TaskReady, EventKind::TaskStepBegin,
                                                     EventKind::TaskStepEnd, EventKind::TaskDone}));
    const auto& recorder = loop.recorder();
    EXPECT_EQ(recorder.text(static_cast<trace::Label>(events[0].value)), "child");
    EXPECT_NE(events[0].object, 0u);  // created by main
    EXPECT_EQ(recorder.text(static_cast<trace::Label>(events[1].value)), "Task-2");
    EXPECT_EQ(events[2].value, static_cast<std::int64_t>(WakeReason::Created));
    EXPECT_EQ(events[4].value, static_cast<std::int64_t>(AwaitKind::Timer));
    EXPECT_EQ(events[6].value, static_cast<std::int64_t>(WakeReason::FutureDone));
    EXPECT_NE(events[6].object, 0u);  // woken by the sleep's future
    // The timer it waits on is a real armed timer in the trace.
    bool timer_armed = false;
    for (const Event& event : recorder.events()) {
        timer_armed |= event.kind == EventKind::TimerArmed && event.subject == events[4].object;
    }
    EXPECT_TRUE(timer_armed);
}

// A sleeping task keeps no handle slot: its timer is a heap entry the loop asks the Scheduler
// about. Cancelled between its timer firing and the timer's callback running (its cancelled
// step is ahead of the timer in the ready queue), the timer is cancelled, not counted as in
// the heap, and its callback skipped, as CPython's TimerHandle in `_ready` would be. Only the
// real clock moves between two iterations, so only there is a 1 ns timer due in the next one.
TEST(TaskTraceTest, ASleepCancelledAfterItsTimerFiredSkipsTheTimersCallback) {
    EventLoop loop(EventLoopOptions{.clock = std::make_unique<RealClock>(1.0)});
    Scheduler scheduler(loop);
    bool cancelled = false;
    auto child = [&]() -> Coro<void> {
        try {
            co_await sleep(Nanos{1});
        } catch (const CancelledError&) {
            cancelled = true;
            throw;
        }
    };
    std::uint32_t timer = 0;
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, child(), {}, "child");
        co_await yield_now();  // the child's first step arms its timer, then this step goes on
        task.cancel();
        try {
            co_await task;
        } catch (const CancelledError&) {
        }
    };
    run(scheduler, main());
    EXPECT_TRUE(cancelled);
    std::vector<std::pair<EventKind, std::uint32_t>> timer_events;
    for (const Event& event : loop.recorder().events()) {
        if (event.kind == EventKind::TimerArmed) {
            timer = event.subject;
        }
    }
    for (const Event& event : loop.recorder().events()) {
        if (event.subject == timer &&
            (event.kind == EventKind::TimerArmed || event.kind == EventKind::TimerFired ||
             event.kind == EventKind::TimerCancelled || event.kind == EventKind::CallbackSkipped ||
             event.kind == EventKind::CallbackBegin)) {
            timer_events.emplace_back(event.kind, event.subject);
        }
    }
    EXPECT_EQ(timer_events, (std::vector<std::pair<EventKind, std::uint32_t>>{
                                {EventKind::TimerArmed, timer},
                                {EventKind::TimerFired, timer},
                                {EventKind::TimerCancelled, timer},
                                {EventKind::CallbackSkipped, timer}}));
}

TEST(TaskTraceTest, CancellationIsRequestedDeliveredAndEndsTheTask) {
    EventLoop loop;
    Scheduler scheduler(loop);
    std::uint32_t child_id = 0;
    std::uint32_t main_id = 0;
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    auto main = [&]() -> Coro<void> {
        main_id = scheduler.current_task()->id();
        Task<void> task = create_task(scheduler, child());
        child_id = task.id();
        co_await sleep(0);
        task.cancel("enough");
        try {
            co_await task;
        } catch (const CancelledError&) {
        }
    };
    run(scheduler, main());
    const auto events = events_of(loop.recorder(), child_id);
    std::vector<EventKind> cancel_kinds;
    for (const Event& event : events) {
        if (event.kind == EventKind::CancelRequested || event.kind == EventKind::CancelDelivered ||
            event.kind == EventKind::TaskCancelled) {
            cancel_kinds.push_back(event.kind);
            if (event.kind == EventKind::CancelRequested) {
                EXPECT_EQ(event.object, main_id);
                EXPECT_EQ(loop.recorder().text(static_cast<trace::Label>(event.value)), "enough");
            }
            if (event.kind == EventKind::CancelDelivered) {
                EXPECT_EQ(event.value, static_cast<std::int64_t>(AwaitKind::Timer));
            }
        }
    }
    EXPECT_EQ(cancel_kinds,
              (std::vector<EventKind>{EventKind::CancelRequested, EventKind::CancelDelivered,
                                      EventKind::TaskCancelled}));
}

TEST(TaskTraceTest, TaskStepsAndWakeUpsNameTheirTaskWhenScheduled) {
    EventLoop loop;
    Scheduler scheduler(loop);
    Future<int> gate(loop);
    auto waiter = [&]() -> Coro<int> { co_return co_await gate; };
    Task<int> task = create_task(scheduler, waiter());
    loop.call_later(seconds(1), [&] { gate.set_result(3); });
    EXPECT_EQ(loop.run_until_complete(task), 3);
    int owned_by_task = 0;
    for (const Event& event : loop.recorder().events()) {
        if (event.kind == EventKind::CallbackScheduled && event.object == task.id()) {
            ++owned_by_task;
        }
    }
    EXPECT_EQ(owned_by_task, 2);  // its first step, and its wake-up when the gate opened
}

TEST(TaskTraceTest, FailureRecordsTheExceptionText) {
    EventLoop loop;
    Scheduler scheduler(loop);
    auto failing = [&]() -> Coro<void> {
        throw ValueError("lost");
        co_return;
    };
    Task<void> task = create_task(scheduler, failing());
    EXPECT_THROW(loop.run_until_complete(task), ValueError);
    const auto events = events_of(loop.recorder(), task.id());
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().kind, EventKind::TaskFailed);
    EXPECT_EQ(loop.recorder().text(static_cast<trace::Label>(events.back().value)),
              "ValueError: lost");
}

TEST(TaskTraceTest, UncancelIsRecordedWithTheRemainingCount) {
    EventLoop loop;
    Scheduler scheduler(loop);
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    Task<void> task = create_task(scheduler, child());
    task.cancel();
    task.cancel();
    task.uncancel();
    const auto events = events_of(loop.recorder(), task.id());
    EXPECT_EQ(events.back().kind, EventKind::Uncancelled);
    EXPECT_EQ(events.back().value, 1);
    try {
        loop.run_until_complete(task);
    } catch (const CancelledError&) {
    }
}

// A default name is interned by its number and written out only when read: whatever reads the
// trace (the recorder, a State folded from it, a saved recording, a table rebuilt from one as
// the app does) still sees "Task-N", and a set_name to the same text gets the same label.
TEST(TaskTraceTest, DefaultNamesReadBackAsTaskNEverywhereTheTraceGoes) {
    EventLoop loop;
    Scheduler scheduler(loop);
    std::vector<Task<void>> children;
    std::vector<std::string> names_asked;
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    auto main = [&]() -> Coro<void> {
        for (int i = 0; i < 3; ++i) {
            children.push_back(create_task(scheduler, child(), {}, "child"));
        }
        names_asked.push_back(children[0].name());
        children[1].set_name("worker");
        children[2].set_name("Task-2");  // children[0]'s default name
        for (Task<void>& task : children) {
            co_await task;
        }
    };
    run(scheduler, main());
    const trace::Recorder& recorder = loop.recorder();
    auto text = [&](std::int64_t label) { return recorder.text(static_cast<trace::Label>(label)); };

    std::vector<trace::Label> first_names;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const auto events = events_of(recorder, children[i].id());
        ASSERT_GE(events.size(), 2u);
        EXPECT_EQ(events[0].kind, EventKind::TaskCreated);
        EXPECT_EQ(text(events[0].value), "child");
        EXPECT_EQ(events[1].kind, EventKind::TaskRenamed);
        EXPECT_EQ(text(events[1].value), "Task-" + std::to_string(i + 2));
        first_names.push_back(static_cast<trace::Label>(events[1].value));
    }
    EXPECT_EQ(names_asked, std::vector<std::string>{"Task-2"});
    EXPECT_EQ(children[0].name(), "Task-2");
    EXPECT_EQ(children[1].name(), "worker");
    EXPECT_EQ(children[2].name(), "Task-2");
    std::vector<std::int64_t> renamed_to;
    for (const Event& event : events_of(recorder, children[2].id())) {
        if (event.kind == EventKind::TaskRenamed) {
            renamed_to.push_back(event.value);
        }
    }
    // One label per text, as for any string.
    EXPECT_EQ(renamed_to, (std::vector<std::int64_t>{first_names[2], first_names[0]}));

    // Every label names a text of its own.
    std::set<std::string, std::less<>> texts;
    for (std::size_t label = 0; label < recorder.string_count(); ++label) {
        EXPECT_TRUE(texts.emplace(recorder.text(static_cast<trace::Label>(label))).second);
    }
    EXPECT_TRUE(texts.contains("Task-1"));
    EXPECT_TRUE(texts.contains("Task-4"));

    // The state folded from the trace.
    trace::State state;
    for (const Event& event : recorder.events()) {
        state.apply(event);
    }
    EXPECT_EQ(recorder.text(state.task(children[0].id())->name), "Task-2");
    EXPECT_EQ(recorder.text(state.task(children[1].id())->name), "worker");
    EXPECT_EQ(recorder.text(state.task(children[2].id())->name), "Task-2");

    // A saved recording, and a table rebuilt from it by interning its strings in order.
    trace::Recording recording;
    copy_trace(recorder, recording);
    std::stringstream file(std::ios::in | std::ios::out | std::ios::binary);
    write_recording(file, recording);
    const trace::Recording loaded = trace::read_recording(file);
    ASSERT_EQ(loaded.strings.size(), recorder.string_count());
    trace::Recorder rebuilt;
    for (std::size_t label = 0; label < loaded.strings.size(); ++label) {
        EXPECT_EQ(loaded.strings[label], text(static_cast<std::int64_t>(label)));
        EXPECT_EQ(rebuilt.intern(loaded.strings[label]), label);
    }
    for (std::size_t i = 0; i < children.size(); ++i) {
        EXPECT_EQ(rebuilt.text(first_names[i]), "Task-" + std::to_string(i + 2));
    }
}

// A task created while recording is off is named in the trace from its first step after
// recording is switched on.
TEST(TaskTraceTest, ATaskCreatedUnrecordedIsNamedOnceRecordingStarts) {
    EventLoop loop;
    Scheduler scheduler(loop);
    loop.recorder().set_enabled(false);
    auto child = [&]() -> Coro<void> { co_await sleep(seconds(1)); };
    Task<void> task = create_task(scheduler, child());
    loop.recorder().set_enabled(true);
    loop.run_until_complete(task);
    int named = 0;
    for (const Event& event : loop.recorder().events()) {
        if (event.kind == EventKind::CallbackScheduled && event.object == task.id()) {
            EXPECT_EQ(loop.recorder().text(static_cast<trace::Label>(event.value)), "Task-1");
            ++named;
        }
    }
    EXPECT_EQ(named, 1);  // its wake-up after the sleep: the first step was queued unrecorded
    EXPECT_EQ(task.name(), "Task-1");
}

}  // namespace
}  // namespace loopscope
