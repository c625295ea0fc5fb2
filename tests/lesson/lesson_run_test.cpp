// Every lesson run on Loopscope's own interpreter, as the app runs it: where the run prints what
// CPython 3.12 printed (lessons/expected/), each checkpoint's answer, decided on the run's trace,
// must be the one the lesson's author wrote.
//
// A lesson the interpreter cannot run yet (a missing feature, a different output) is skipped
// with the first difference: matching CPython is the interpreter's own suites' business. Each
// lesson runs in a child process, so that a crash or a hang skips it instead of ending the suite.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lesson/lesson_catalog.h"
#include "lesson/trace_answer.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/script_modules.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"

namespace loopscope::lesson {
namespace {

std::filesystem::path lessons_dir() {
    return std::filesystem::path(LOOPSCOPE_TEST_DATA) / ".." / "lessons";
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string last_line(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') {
        trimmed.pop_back();
    }
    const std::size_t start = trimmed.rfind('\n');
    const std::string line = start == std::string::npos ? trimmed : trimmed.substr(start + 1);
    return line.empty() ? "" : line + "\n";
}

// What a run printed, and for each checkpoint "decided-answer" or "?reason", as one text: the
// child process writes it to a pipe.
struct RunReport {
    std::string out;
    std::string err_last_line;
    std::string code;
    std::vector<std::string> decisions;  // one per checkpoint, in order

    std::string encode() const {
        std::string text = code + "\x1e" + err_last_line + "\x1e" + out;
        for (const std::string& decision : decisions) {
            text += "\x1e" + decision;
        }
        return text;
    }
    static RunReport decode(const std::string& text) {
        std::vector<std::string> parts;
        std::size_t start = 0;
        while (true) {
            const std::size_t end = text.find('\x1e', start);
            parts.push_back(text.substr(start, end - start));
            if (end == std::string::npos) {
                break;
            }
            start = end + 1;
        }
        RunReport report;
        if (parts.size() >= 3) {
            report.code = parts[0];
            report.err_last_line = parts[1];
            report.out = parts[2];
            report.decisions.assign(parts.begin() + 3, parts.end());
        }
        return report;
    }
};

// Runs the lesson the way loopscope-run does (virtual clock), deciding every checkpoint on the
// trace of its asyncio.run. Runs in the child process.
RunReport run_lesson(const LessonEntry& entry) {
    RunReport report;
    std::string err;
    script::Runtime rt;
    rt.limits.instructions = 200'000'000;
    rt.set_stdout_sink([&](std::string_view text) {
        report.out += text;
        script::record_script_output(rt, 1, text);
    });
    rt.set_stderr_sink([&](std::string_view text) {
        err += text;
        script::record_script_output(rt, 2, text);
    });
    script::register_script_modules(rt);
    script::AsyncioState& asyncio = script::asyncio_state(rt);
    asyncio.options.argv.assign(1, entry.path.string());
    const std::string file_name = entry.path.filename().string();
    asyncio.observer.run_finished = [&](EventLoop& loop, int) {
        loop.recorder().merge_from_threads();
        report.decisions.clear();
        for (const Checkpoint& checkpoint : entry.lesson.checkpoints) {
            const TraceAnswer decided = decide_answer(checkpoint, loop.recorder(), file_name);
            report.decisions.push_back(decided.decided ? decided.answer : "?" + decided.reason);
        }
    };
    script::Interpreter interpreter(rt);
    report.code = std::to_string(interpreter.run_file(entry.path.string()));
    report.err_last_line = last_line(err);
    return report;
}

// run_lesson in a child process; false if the child crashed or took too long.
bool run_in_child(const LessonEntry& entry, RunReport& report, std::string& failure) {
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) {
        failure = "pipe() failed";
        return false;
    }
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child == 0) {
        close(pipe_ends[0]);
        alarm(120);
        const std::string text = run_lesson(entry).encode();
        std::size_t written = 0;
        while (written < text.size()) {
            const ssize_t n = write(pipe_ends[1], text.data() + written, text.size() - written);
            if (n <= 0) {
                break;
            }
            written += static_cast<std::size_t>(n);
        }
        close(pipe_ends[1]);
        _exit(0);
    }
    close(pipe_ends[1]);
    std::string text;
    char buffer[65536];
    for (ssize_t n; (n = read(pipe_ends[0], buffer, sizeof buffer)) > 0;) {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    close(pipe_ends[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        failure = WIFSIGNALED(status)
                      ? "the interpreter died of signal " + std::to_string(WTERMSIG(status)) +
                            (WTERMSIG(status) == SIGALRM ? " (over 120 s)" : "")
                      : "the child process failed";
        return false;
    }
    report = RunReport::decode(text);
    return true;
}

std::string first_difference(const std::string& expected, const std::string& actual) {
    std::istringstream a(expected);
    std::istringstream b(actual);
    std::string line_a;
    std::string line_b;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(a, line_a));
        const bool more_b = static_cast<bool>(std::getline(b, line_b));
        if (!more_a && !more_b) {
            return "none";
        }
        if (more_a != more_b || line_a != line_b) {
            return "line " + std::to_string(line) + ": CPython '" + (more_a ? line_a : "<end>") +
                   "', Loopscope '" + (more_b ? line_b : "<end>") + "'";
        }
    }
}

class LessonRunTest : public ::testing::TestWithParam<std::string> {};

TEST_P(LessonRunTest, CheckpointAnswersHoldOnLoopscopesTrace) {
    const std::vector<LessonEntry> catalog = load_lesson_catalog(lessons_dir());
    const auto found = std::find_if(catalog.begin(), catalog.end(), [](const LessonEntry& entry) {
        return entry.path.filename() == GetParam();
    });
    ASSERT_NE(found, catalog.end());
    const LessonEntry& entry = *found;
    const std::filesystem::path expected = lessons_dir() / "expected" / entry.path.stem();

    RunReport report;
    std::string failure;
    if (!run_in_child(entry, report, failure)) {
        GTEST_SKIP() << "Loopscope cannot run it yet: " << failure;
    }
    const std::string out = read_file(expected.string() + ".out");
    const std::string err = read_file(expected.string() + ".err");
    const std::string code = read_file(expected.string() + ".code");
    if (report.out != out || report.code + "\n" != code || report.err_last_line != err) {
        GTEST_SKIP() << "Loopscope's run differs from CPython's (exit " << report.code
                     << "; stdout " << first_difference(out, report.out) << "; last stderr line '"
                     << report.err_last_line << "' vs '" << err << "')";
    }
    ASSERT_EQ(report.decisions.size(), entry.lesson.checkpoints.size());
    for (std::size_t i = 0; i < report.decisions.size(); ++i) {
        const Checkpoint& checkpoint = entry.lesson.checkpoints[i];
        const std::string& decision = report.decisions[i];
        SCOPED_TRACE("checkpoint " + checkpoint.id);
        ASSERT_FALSE(!decision.empty() && decision[0] == '?') << decision.substr(1);
        const TraceAnswer decided{true, decision, "", 0};
        EXPECT_TRUE(is_correct(checkpoint, decided, checkpoint.answer))
            << "the trace says '" << decision << "', the lesson '" << checkpoint.answer << "'";
    }
}

std::vector<std::string> lesson_names() {
    std::vector<std::string> names;
    for (const LessonEntry& entry : load_lesson_catalog(lessons_dir())) {
        names.push_back(entry.path.filename().string());
    }
    return names;
}

INSTANTIATE_TEST_SUITE_P(Lessons, LessonRunTest, ::testing::ValuesIn(lesson_names()),
                         [](const ::testing::TestParamInfo<std::string>& lesson) {
                             return "Lesson" + lesson.param.substr(0, 2);
                         });

}  // namespace
}  // namespace loopscope::lesson
