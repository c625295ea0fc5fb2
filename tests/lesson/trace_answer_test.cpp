// Deciding checkpoint answers from traces the C++ scheduler records. The script layer's
// print() and line markers are stood in for by recording ScriptOutput and TaskLine events from
// inside the tasks, as the interpreter does.
#include "lesson/trace_answer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "lesson/checkpoint_values.h"
#include "lesson/lesson_file.h"
#include "sync/lock.h"

namespace loopscope::lesson {
namespace {

using trace::EventKind;

constexpr int kStartLine = 10;

struct TraceAnswerTest : ::testing::Test {
    EventLoop loop;
    Scheduler scheduler{loop};

    std::uint32_t current_task() { return scheduler.current_task()->id(); }

    // print(text) from the running task.
    void print(const std::string& text) {
        loop.record(EventKind::ScriptOutput, current_task(), loop.recorder().intern(text + "\n"),
                    1);
    }
    // The running task's coroutine stands at `line` of lesson.py as its step ends.
    void stand_at(int line) {
        loop.record(EventKind::TaskLine, current_task(),
                    loop.recorder().intern("lessons/lesson.py"), line);
    }

    Coro<void> racer(std::string name, Nanos duration) {
        print(name + ": start");
        stand_at(kStartLine);
        co_await sleep(duration);
        print(name + ": done");
    }

    // Two tasks under a main: slow sleeps 2 s, quick 1 s; main awaits both, then prints.
    void run_race() {
        auto main = [&]() -> Coro<void> {
            Task<void> slow = create_task(scheduler, racer("slow", seconds(2)), "slow");
            Task<void> quick = create_task(scheduler, racer("quick", seconds(1)), "quick");
            co_await slow;
            co_await quick;
            print("results: 3 of 3 after 2.0 s");
        };
        run(scheduler, main());
    }

    TraceAnswer decide(const std::string& pause, const std::string& check,
                       const std::string& choices = "") {
        std::string problem;
        Checkpoint checkpoint;
        checkpoint.pause = parse_pause(pause, problem).value();
        checkpoint.check = parse_check(check, problem).value();
        if (!choices.empty()) {
            checkpoint.choices = split_choices(choices);
        }
        return decide_answer(checkpoint, loop.recorder(), "lesson.py");
    }
    std::string answer(const std::string& pause, const std::string& check,
                       const std::string& choices = "") {
        const TraceAnswer decided = decide(pause, check, choices);
        EXPECT_TRUE(decided.decided) << decided.reason;
        return decided.answer;
    }
};

TEST_F(TraceAnswerTest, NextOutputIsTheFirstLineCompletedAfterThePause) {
    run_race();
    EXPECT_EQ(answer("time 0.5", "next-output"), "quick: done");
    EXPECT_EQ(answer("time 1.5", "next-output"), "slow: done");
    EXPECT_EQ(answer("output slow: start", "next-output"), "quick: start");
    EXPECT_EQ(answer("time 0", "next-output"), "slow: start");
}

TEST_F(TraceAnswerTest, ALinePauseStopsAtTheFirstTaskStandingThere) {
    run_race();
    // slow stands at the line first; quick has not printed yet.
    Checkpoint checkpoint;
    checkpoint.pause = Pause{PauseKind::Line, kStartLine, 0, ""};
    checkpoint.check = Check{CheckKind::NextOutput, ""};
    EXPECT_EQ(decide_answer(checkpoint, loop.recorder(), "lesson.py").answer, "quick: start");
    // Another file's line of the same number is not this checkpoint's.
    EXPECT_FALSE(decide_answer(checkpoint, loop.recorder(), "other.py").decided);
    // With no file given, any file matches.
    EXPECT_TRUE(decide_answer(checkpoint, loop.recorder()).decided);
}

TEST_F(TraceAnswerTest, NextStepNamesTheTaskThatRunsNext) {
    run_race();
    EXPECT_EQ(answer("output slow: start", "next-step"), "quick");
    EXPECT_EQ(answer("time 0.5", "next-step"), "quick");
    EXPECT_EQ(answer("time 1.5", "next-step"), "slow");
}

TEST_F(TraceAnswerTest, CountsComeFromTheStateAtThePause) {
    run_race();
    EXPECT_EQ(answer("time 0.5", "waiting timer"), "2");
    EXPECT_EQ(answer("time 0.5", "waiting task"), "1");  // main, on slow
    EXPECT_EQ(answer("time 0.5", "tasks waiting"), "3");
    EXPECT_EQ(answer("time 1.5", "tasks done"), "1");
    EXPECT_EQ(answer("time 1.5", "tasks alive"), "2");
    EXPECT_EQ(answer("end", "tasks done"), "3");
    // The pause when quick first waits: slow is already on its timer, quick has just joined.
    EXPECT_EQ(answer("wait quick", "waiting timer"), "2");
    EXPECT_EQ(answer("wait slow", "waiting timer"), "1");
}

TEST_F(TraceAnswerTest, OutputOrderSortsTheChoicesByFirstAppearance) {
    run_race();
    EXPECT_EQ(
        answer("time 0", "output-order", "results: 3 of 3 after 2.0 s | slow: done | quick: done"),
        "quick: done | slow: done | results: 3 of 3 after 2.0 s");
    const TraceAnswer missing = decide("time 1.5", "output-order", "quick: done | slow: done");
    EXPECT_FALSE(missing.decided);
    EXPECT_EQ(missing.reason, "'quick: done' is not printed after the pause");
}

TEST_F(TraceAnswerTest, NumberIsTheFirstNumberAfterThePrefix) {
    run_race();
    EXPECT_EQ(answer("time 0", "number results:"), "3");
    EXPECT_EQ(answer("time 0", "number results: 3 of 3 after"), "2.0");
    EXPECT_FALSE(decide("time 0", "number totals:").decided);
}

TEST_F(TraceAnswerTest, OutcomeIsHowTheNamedTaskEnded) {
    auto main = [&]() -> Coro<void> {
        Task<void> doomed = create_task(scheduler, racer("doomed", seconds(5)), "doomed");
        auto failing = [&]() -> Coro<void> {
            co_await sleep(seconds(1));
            throw ValueError("broken");
        };
        Task<void> broken = create_task(scheduler, failing(), "broken");
        Task<void> fine = create_task(scheduler, racer("fine", seconds(1)), "fine");
        co_await sleep(seconds(2));
        doomed.cancel();
        try {
            co_await doomed;
        } catch (const CancelledError&) {
        }
        try {
            co_await broken;
        } catch (const ValueError&) {
        }
        co_await fine;
    };
    run(scheduler, main());
    EXPECT_EQ(answer("end", "outcome doomed"), "cancelled");
    EXPECT_EQ(answer("end", "outcome broken"), "failed");
    EXPECT_EQ(answer("end", "outcome fine"), "done");
    // The outcome is the run's, wherever the pause is.
    EXPECT_EQ(answer("time 0.5", "outcome doomed"), "cancelled");
    EXPECT_EQ(answer("end", "tasks cancelled"), "1");
    EXPECT_EQ(answer("end", "tasks failed"), "1");
    EXPECT_EQ(answer("time 1.5", "tasks failed"), "1");
    EXPECT_EQ(answer("time 1.5", "tasks cancelled"), "0");
    const TraceAnswer nobody = decide("end", "outcome nobody");
    EXPECT_FALSE(nobody.decided);
    EXPECT_EQ(nobody.reason, "no task is named 'nobody'");
}

TEST_F(TraceAnswerTest, WaitersOnALockAreCounted) {
    Lock lock(scheduler);
    auto depositor = [&]() -> Coro<void> {
        co_await lock.acquire();
        co_await sleep(seconds(1));
        lock.release();
    };
    auto main = [&]() -> Coro<void> {
        std::vector<Task<void>> tasks;
        for (const char* name : {"ann", "bob", "cid", "dee"}) {
            tasks.push_back(create_task(scheduler, depositor(), name));
        }
        for (Task<void>& task : tasks) {
            co_await task;
        }
    };
    run(scheduler, main());
    EXPECT_EQ(answer("time 0.5", "waiting lock"), "3");
    EXPECT_EQ(answer("time 0.5", "waiting timer"), "1");
    EXPECT_EQ(answer("time 2.5", "waiting lock"), "1");
    EXPECT_EQ(answer("time 1.5", "next-step"), "bob");
}

TEST_F(TraceAnswerTest, APauseTheRunNeverReachesLeavesTheAnswerUndecided) {
    run_race();
    const TraceAnswer late = decide("time 100", "next-output");
    EXPECT_FALSE(late.decided);
    EXPECT_EQ(late.reason, "the run never reaches the pause (time)");
    EXPECT_FALSE(decide("output never printed", "next-output").decided);
    EXPECT_FALSE(decide("wait nobody", "next-output").decided);
    const TraceAnswer silent = decide("end", "next-output");
    EXPECT_FALSE(silent.decided);
    EXPECT_EQ(silent.reason, "nothing is printed to stdout after the pause");
}

TEST_F(TraceAnswerTest, PauseEventsSayWherePlaybackStops) {
    run_race();
    const auto& events = loop.recorder().events();
    const std::optional<std::size_t> at =
        find_pause(Pause{PauseKind::Output, 0, 0, "slow: start"}, loop.recorder());
    ASSERT_TRUE(at);
    ASSERT_GT(*at, 0u);
    EXPECT_EQ(events[*at - 1].kind, EventKind::ScriptOutput);
    EXPECT_EQ(find_pause(Pause{PauseKind::End, 0, 0, ""}, loop.recorder()), events.size());
    const std::optional<std::size_t> one_second =
        find_pause(Pause{PauseKind::Time, 0, 1.0, ""}, loop.recorder());
    ASSERT_TRUE(one_second);
    EXPECT_GE(events[*one_second].time, seconds(1));
    EXPECT_LT(events[*one_second - 1].time, seconds(1));
}

TEST_F(TraceAnswerTest, OutputWrittenInPiecesMakesOneLine) {
    auto main = [&]() -> Coro<void> {
        const auto label = [&](const char* text) { return loop.recorder().intern(text); };
        loop.record(EventKind::ScriptOutput, current_task(), label("ab"), 1);
        loop.record(EventKind::ScriptOutput, current_task(), label("c\nd"), 1);
        loop.record(EventKind::ScriptOutput, current_task(), label("warning\n"), 2);  // stderr
        loop.record(EventKind::ScriptOutput, current_task(), label("e"), 1);
        co_return;
    };
    run(scheduler, main());
    EXPECT_EQ(answer("time 0", "next-output"), "abc");
    EXPECT_EQ(answer("output abc", "next-output"), "de");
}

TEST(AnswerComparisonTest, NumbersByValueOrdersByItemTextTrimmed) {
    Checkpoint checkpoint;
    TraceAnswer decided{true, "4.5", "", 0};
    checkpoint.check.kind = CheckKind::Number;
    EXPECT_TRUE(is_correct(checkpoint, decided, "4.50"));
    EXPECT_FALSE(is_correct(checkpoint, decided, "4"));
    checkpoint.check.kind = CheckKind::OutputOrder;
    decided.answer = "a | b";
    EXPECT_TRUE(is_correct(checkpoint, decided, "a|b"));
    EXPECT_FALSE(is_correct(checkpoint, decided, "b | a"));
    checkpoint.check.kind = CheckKind::NextOutput;
    decided.answer = "quick: done";
    EXPECT_TRUE(is_correct(checkpoint, decided, " quick: done "));
    EXPECT_FALSE(is_correct(checkpoint, decided, "slow: done"));
    decided.decided = false;
    EXPECT_FALSE(is_correct(checkpoint, decided, "quick: done"));
}

// The checkpoints whose answer only depends on stdout (an output or end pause, an output
// check) are decided on a trace made of CPython's recorded output: the authors' answers must
// agree with CPython 3.12.
TEST(LessonAnswersTest, OutputAnswersAgreeWithCPython) {
    const std::filesystem::path lessons =
        std::filesystem::path(LOOPSCOPE_TEST_DATA) / ".." / "lessons";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(lessons)) {
        if (entry.path().extension() != ".py") {
            continue;
        }
        const std::filesystem::path out =
            lessons / "expected" / (entry.path().stem().string() + ".out");
        std::ifstream recorded(out);
        ASSERT_TRUE(recorded) << out;
        trace::Recorder recorder;
        std::string line;
        while (std::getline(recorded, line)) {
            recorder.record(
                trace::Event{0, 1, EventKind::ScriptOutput, 0, 1, recorder.intern(line + "\n"), 1});
        }
        for (const Checkpoint& checkpoint : load_lesson(entry.path()).checkpoints) {
            const bool by_output = checkpoint.pause.kind == PauseKind::Output ||
                                   checkpoint.pause.kind == PauseKind::End;
            const bool output_check = checkpoint.check.kind == CheckKind::NextOutput ||
                                      checkpoint.check.kind == CheckKind::OutputOrder ||
                                      checkpoint.check.kind == CheckKind::Number;
            if (!by_output || !output_check) {
                continue;
            }
            SCOPED_TRACE(entry.path().filename().string() + " " + checkpoint.id);
            const TraceAnswer decided = decide_answer(checkpoint, recorder);
            EXPECT_TRUE(decided.decided) << decided.reason;
            EXPECT_TRUE(is_correct(checkpoint, decided, checkpoint.answer)) << decided.answer;
            ++checked;
        }
    }
    EXPECT_GE(checked, 5);
}

}  // namespace
}  // namespace loopscope::lesson
