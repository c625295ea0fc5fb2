#include "interpreter_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string_view>
#include <thread>

#include "loop/event_loop.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/script_modules.h"
#include "script/objects/default_limits.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"

namespace loopscope::app {

namespace {

using namespace std::chrono_literals;

// How often the stop watcher looks at the engine's stop request. The VM sees the Runtime's flag
// within a few thousand instructions, so a runaway script ends well within 100 ms.
constexpr auto kStopPollInterval = 5ms;

// Copies the engine's stop request into Runtime::stop_requested while the script runs, from a
// thread of its own: a script busy outside any loop (`while True: pass`) never reaches a hook.
class StopWatcher {
public:
    StopWatcher(const ScriptHooks& hooks, std::atomic<bool>& stop_flag)
        : thread_([this, &hooks, &stop_flag] {
              std::unique_lock lock(mutex_);
              while (!done_) {
                  if (hooks.stop_requested()) {
                      stop_flag.store(true);
                  }
                  woken_.wait_for(lock, kStopPollInterval);
              }
          }) {}
    ~StopWatcher() {
        {
            const std::lock_guard lock(mutex_);
            done_ = true;
        }
        woken_.notify_one();
        thread_.join();
    }
    StopWatcher(const StopWatcher&) = delete;
    StopWatcher& operator=(const StopWatcher&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable woken_;
    bool done_ = false;
    std::thread thread_;  // last: starts once the rest is ready
};

std::string last_nonempty_line(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    const std::size_t start = text.rfind('\n');
    return std::string(start == std::string_view::npos ? text : text.substr(start + 1));
}

constexpr int kExitDeadlock = 3;

// The leading spaces of line `line` (1-based) of the file at `path` (0 when unreadable).
int indentation_of_line(const std::string& path, int line) {
    std::ifstream in(path);
    std::string text;
    for (int i = 0; i < line && std::getline(in, text); ++i) {
    }
    if (!in) {
        return 0;
    }
    return static_cast<int>(std::min(text.find_first_not_of(" \t"), text.size()));
}

// The column (1-based) a traceback frame points at. A frame is `File "...", line N` followed by
// the source line, stripped of its indentation and shown with four spaces, then (not always) a
// line of carets under the failing expression ("~~^~~", or "^" for a SyntaxError). The column
// is where the carets start, else the line's first character; 0 when the frame shows no source.
int frame_column(const std::string& stderr_text, std::size_t frame_at, const std::string& path,
                 int line) {
    constexpr std::size_t kShownIndent = 4;
    const std::size_t source_start = stderr_text.find('\n', frame_at);
    if (source_start == std::string::npos || line <= 0) {
        return 0;
    }
    const std::size_t source_end = stderr_text.find('\n', source_start + 1);
    const std::string_view source =
        std::string_view(stderr_text).substr(source_start + 1, source_end - source_start - 1);
    if (source.size() <= kShownIndent || source.substr(0, kShownIndent) != "    ") {
        return 0;
    }
    std::size_t offset = 0;
    if (source_end != std::string::npos) {
        const std::size_t carets_end = stderr_text.find('\n', source_end + 1);
        const std::string_view carets =
            std::string_view(stderr_text).substr(source_end + 1, carets_end - source_end - 1);
        const std::size_t first = carets.find_first_of("^~");
        if (first != std::string_view::npos && first >= kShownIndent &&
            carets.find_first_not_of(" ^~") == std::string_view::npos) {
            offset = first - kShownIndent;
        }
    }
    return indentation_of_line(path, line) + static_cast<int>(offset) + 1;
}

// The deadlock report (asyncio_run.cpp: "Loopscope: deadlock: ...", then one line per waiting
// task naming "<path>:<line>"), without the "Loopscope: " prefix and with file names instead of
// paths; `line` is the first task's line in the script. Empty when there is no report.
std::string deadlock_report(const std::string& stderr_text, const std::string& file_name,
                            int& line) {
    const std::string_view heading = "Loopscope: deadlock:";
    const std::size_t start = stderr_text.find(heading);
    if (start == std::string::npos) {
        return {};
    }
    std::string report;
    std::size_t at = start + std::string_view("Loopscope: ").size();
    while (at < stderr_text.size()) {
        std::size_t end = stderr_text.find('\n', at);
        if (end == std::string::npos) {
            end = stderr_text.size();
        }
        std::string text = stderr_text.substr(at, end - at);
        if (!report.empty() && text.rfind("  ", 0) != 0) {
            break;  // the report is over
        }
        // "/some/dir/name.py:6" -> "name.py:6", and the first such line is the error's line.
        const std::size_t named = text.find(file_name + ":");
        if (named != std::string::npos) {
            const std::size_t path_start = text.rfind(' ', named);
            const std::size_t keep = path_start == std::string::npos ? 0 : path_start + 1;
            if (line == 0) {
                line = std::atoi(text.c_str() + named + file_name.size() + 1);
            }
            text.erase(keep, named - keep);
        }
        report += (report.empty() ? "" : "\n") + text;
        at = end + 1;
    }
    return report;
}

void run_with_interpreter(const std::string& path, ScriptHooks& hooks) {
    std::string stderr_text;
    std::mutex stderr_mutex;  // executor jobs print too
    int exit_code = 0;
    {
        script::Runtime rt;
        // loopscope-run's default limits (docs/LIMITS.md), so a runaway script says which limit
        // stopped it. No memory limit: the process is the whole GUI; the trace stops at
        // Engine::kEventLimit instead.
        rt.limits.instructions = script::DefaultLimits::kInstructions;
        rt.limits.tasks = script::DefaultLimits::kTasks;
        rt.limits.recursion = script::DefaultLimits::kRecursion;
        // Into the running loop's trace, or straight to the console outside any loop (and in a
        // loop the engine does not stream).
        const auto write = [&rt, &hooks](int stream, std::string_view text) {
            const EventLoop* loop = script::asyncio_state(rt).loop;
            if (loop == nullptr || !hooks.streams(*loop)) {
                hooks.untraced_output(stream, text);
            } else {
                script::record_script_output(rt, stream, text);
            }
        };
        rt.set_stdout_sink([write](std::string_view text) { write(1, text); });
        rt.set_stderr_sink([&, write](std::string_view text) {
            {
                const std::lock_guard lock(stderr_mutex);
                stderr_text += text;
            }
            write(2, text);
        });
        script::register_script_modules(rt);
        script::AsyncioState& asyncio = script::asyncio_state(rt);
        // Live mode runs on the real clock (the engine's choice), virtual time otherwise.
        asyncio.options.clock = hooks.clock_kind();
        asyncio.options.speed = hooks.clock_speed();
        asyncio.observer.wrap_clock = [&hooks](std::unique_ptr<Clock> clock) {
            return hooks.wrap_clock(std::move(clock));
        };
        asyncio.options.argv.assign(1, path);
        asyncio.observer.run_started = [&hooks](EventLoop& loop) { hooks.loop_started(loop); };
        asyncio.observer.iteration_done = [&hooks](EventLoop& loop) {
            return hooks.iteration_done(loop);
        };
        asyncio.observer.run_finished = [&hooks](EventLoop& loop, int) {
            loop.recorder().merge_from_threads();
            hooks.loop_finished(loop);
        };
        const StopWatcher watcher(hooks, rt.stop_requested);
        script::Interpreter interpreter(rt);
        exit_code = interpreter.run_file(path);
    }
    if (exit_code == 0 || hooks.stop_requested()) {
        return;
    }
    int line = 0;
    std::string message = script_failure_message(stderr_text, path, exit_code, line);
    throw ScriptFailure(message, exit_code, line);
}

}  // namespace

ScriptRunner interpreter_script_runner() {
    return run_with_interpreter;
}

std::string script_failure_message(const std::string& stderr_text, const std::string& script_path,
                                   int exit_code, int& line) {
    line = 0;
    const std::string file_name = std::filesystem::path(script_path).filename().string();
    if (exit_code == kExitDeadlock) {
        std::string report = deadlock_report(stderr_text, file_name, line);
        if (!report.empty()) {
            return report;
        }
    }
    int column = 0;
    std::string last = last_nonempty_line(stderr_text);
    if (last.empty()) {
        last = "The script ended with exit code " + std::to_string(exit_code) + ".";
    }
    // The traceback's frames name files by the path the script was run with; the innermost
    // frame of this script is the line the learner must look at.
    const std::string_view marker = "File \"";
    std::size_t at = stderr_text.rfind(marker);
    while (at != std::string::npos) {
        const std::size_t name_start = at + marker.size();
        const std::size_t name_end = stderr_text.find('"', name_start);
        if (name_end != std::string::npos) {
            const std::string named = stderr_text.substr(name_start, name_end - name_start);
            if (std::filesystem::path(named).filename().string() == file_name) {
                const std::string_view line_marker = "\", line ";
                if (stderr_text.compare(name_end, line_marker.size(), line_marker) == 0) {
                    line = std::atoi(stderr_text.c_str() + name_end + line_marker.size());
                    column = frame_column(stderr_text, name_end, script_path, line);
                }
                break;
            }
        }
        if (at == 0) {
            break;
        }
        at = stderr_text.rfind(marker, at - 1);
    }
    // The limit messages name their line themselves ("... (line L)").
    if (line == 0) {
        const std::size_t paren = last.rfind("(line ");
        if (paren != std::string::npos) {
            line = std::atoi(last.c_str() + paren + 6);
        }
        return last;
    }
    const std::string column_text = column > 0 ? ", column " + std::to_string(column) : "";
    return "line " + std::to_string(line) + column_text + ": " + last;
}

}  // namespace loopscope::app
