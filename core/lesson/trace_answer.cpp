#include "lesson/trace_answer.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <unordered_map>
#include <vector>

#include "lesson/checkpoint_values.h"
#include "trace/state.h"

namespace loopscope::lesson {
namespace {

using trace::Event;
using trace::EventKind;

constexpr std::int64_t kStdout = 1;

// A line the script wrote to stdout, and the index of the event that completed it (wrote its
// line break, or the last piece of a final line without one).
struct OutputLine {
    std::string text;
    std::size_t completed_at = 0;
};

std::vector<OutputLine> stdout_lines(const trace::Recorder& recorder) {
    std::vector<OutputLine> lines;
    std::string pending;
    std::size_t last_piece = 0;
    bool has_pending = false;
    const trace::EventLog& events = recorder.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& event = events[i];
        if (event.kind != EventKind::ScriptOutput || event.value != kStdout) {
            continue;
        }
        for (const char c : recorder.text(event.object)) {
            if (c == '\n') {
                lines.push_back({std::move(pending), i});
                pending.clear();
                has_pending = false;
            } else {
                pending += c;
                has_pending = true;
            }
        }
        last_piece = i;
    }
    if (has_pending) {
        lines.push_back({std::move(pending), last_piece});
    }
    return lines;
}

// Task names as of an event: TaskRenamed gives every task its name right after TaskCreated.
class TaskNames {
public:
    explicit TaskNames(const trace::Recorder& recorder) : recorder_(recorder) {}

    void see(const Event& event) {
        if (event.kind == EventKind::TaskRenamed) {
            names_[event.subject] = recorder_.text(static_cast<trace::Label>(event.value));
        }
    }
    std::string name(std::uint32_t task) const {
        const auto found = names_.find(task);
        return found == names_.end() ? "#" + std::to_string(task) : std::string(found->second);
    }
    // The first task (in creation order) that carries `name`.
    std::optional<std::uint32_t> task_named(std::string_view name) const {
        std::optional<std::uint32_t> first;
        for (const auto& [task, task_name] : names_) {
            if (task_name == name && (!first || task < *first)) {
                first = task;
            }
        }
        return first;
    }

private:
    const trace::Recorder& recorder_;
    std::unordered_map<std::uint32_t, std::string_view> names_;
};

bool same_file(std::string_view traced, std::string_view source_file) {
    if (source_file.empty()) {
        return true;
    }
    return std::filesystem::path(traced).filename() ==
           std::filesystem::path(source_file).filename();
}

// The pause after event `at`, which happened to `task`: if the task is inside a step then, the
// pause waits for the step to end, so the stage shows it suspended rather than running.
std::size_t after_step_of(const trace::EventLog& events, std::size_t at, std::uint32_t task) {
    bool in_step = false;
    for (std::size_t i = 0; i <= at; ++i) {
        if (events[i].subject == task) {
            if (events[i].kind == EventKind::TaskStepBegin) {
                in_step = true;
            } else if (events[i].kind == EventKind::TaskStepEnd) {
                in_step = false;
            }
        }
    }
    if (in_step) {
        for (std::size_t i = at + 1; i < events.size(); ++i) {
            if (events[i].kind == EventKind::TaskStepEnd && events[i].subject == task) {
                return i + 1;
            }
        }
    }
    return at + 1;
}

trace::State state_at(const trace::Recorder& recorder, std::size_t events) {
    trace::State state;
    for (std::size_t i = 0; i < events; ++i) {
        state.apply(recorder.events()[i]);
    }
    return state;
}

TraceAnswer undecided(std::string reason, std::size_t pause_events = 0) {
    TraceAnswer answer;
    answer.reason = std::move(reason);
    answer.pause_events = pause_events;
    return answer;
}

// The first stdout line completed at or after the pause.
const OutputLine* next_line(const std::vector<OutputLine>& lines, std::size_t pause_events) {
    for (const OutputLine& line : lines) {
        if (line.completed_at >= pause_events) {
            return &line;
        }
    }
    return nullptr;
}

TraceAnswer decide_at(const Checkpoint& checkpoint, const trace::Recorder& recorder,
                      std::size_t pause_events) {
    TraceAnswer result;
    result.pause_events = pause_events;
    result.decided = true;
    const trace::EventLog& events = recorder.events();
    const Check& check = checkpoint.check;
    switch (check.kind) {
        case CheckKind::NextOutput: {
            const std::vector<OutputLine> lines = stdout_lines(recorder);
            const OutputLine* line = next_line(lines, pause_events);
            if (line == nullptr) {
                return undecided("nothing is printed to stdout after the pause", pause_events);
            }
            result.answer = line->text;
            return result;
        }
        case CheckKind::NextStep: {
            TaskNames names(recorder);
            for (std::size_t i = 0; i < events.size(); ++i) {
                names.see(events[i]);
                if (i >= pause_events && events[i].kind == EventKind::TaskStepBegin) {
                    result.answer = names.name(events[i].subject);
                    return result;
                }
            }
            return undecided("no task step begins after the pause", pause_events);
        }
        case CheckKind::Waiting:
        case CheckKind::Tasks: {
            const trace::State state = state_at(recorder, pause_events);
            const std::optional<AwaitKind> kind = await_kind_named(check.argument);
            const auto counted = std::count_if(
                state.tasks().begin(), state.tasks().end(), [&](const trace::State::Task& task) {
                    if (check.kind == CheckKind::Tasks) {
                        return task_has_status(task, check.argument);
                    }
                    return task.status == trace::TaskStatus::Waiting && kind &&
                           task.await_kind == *kind;
                });
            result.answer = std::to_string(counted);
            return result;
        }
        case CheckKind::Outcome: {
            TaskNames names(recorder);
            for (std::size_t i = 0; i < events.size(); ++i) {
                names.see(events[i]);
            }
            const std::optional<std::uint32_t> task = names.task_named(check.argument);
            if (!task) {
                return undecided("no task is named '" + check.argument + "'", pause_events);
            }
            const trace::State state = state_at(recorder, events.size());
            const trace::State::Task* found = state.task(*task);
            if (found == nullptr || !found->finished()) {
                result.answer = "unfinished";
            } else {
                result.answer = std::string(trace::to_string(found->status));
            }
            return result;
        }
        case CheckKind::OutputOrder: {
            const std::vector<OutputLine> lines = stdout_lines(recorder);
            std::vector<std::pair<std::size_t, std::string>> firsts;
            for (const std::string& choice : checkpoint.choices) {
                const auto found =
                    std::find_if(lines.begin(), lines.end(), [&](const OutputLine& line) {
                        return line.completed_at >= pause_events && line.text == choice;
                    });
                if (found == lines.end()) {
                    return undecided("'" + choice + "' is not printed after the pause",
                                     pause_events);
                }
                firsts.emplace_back(static_cast<std::size_t>(found - lines.begin()), choice);
            }
            std::sort(firsts.begin(), firsts.end());
            for (const auto& [position, choice] : firsts) {
                result.answer += (result.answer.empty() ? "" : " | ") + choice;
            }
            return result;
        }
        case CheckKind::Number: {
            for (const OutputLine& line : stdout_lines(recorder)) {
                if (line.completed_at < pause_events ||
                    line.text.compare(0, check.argument.size(), check.argument) != 0) {
                    continue;
                }
                if (const auto number = first_number_in(
                        std::string_view(line.text).substr(check.argument.size()))) {
                    result.answer = *number;
                    return result;
                }
            }
            return undecided(
                "no stdout line after the pause starts with '" + check.argument + "' and a number",
                pause_events);
        }
    }
    return undecided("unknown check", pause_events);
}

}  // namespace

std::optional<std::size_t> find_pause(const Pause& pause, const trace::Recorder& recorder,
                                      std::string_view source_file) {
    const trace::EventLog& events = recorder.events();
    switch (pause.kind) {
        case PauseKind::End:
            return events.size();
        case PauseKind::Time: {
            if (events.size() == 0) {
                return std::nullopt;
            }
            const Nanos at = events[0].time + seconds_to_nanos(pause.seconds);
            for (std::size_t i = 0; i < events.size(); ++i) {
                if (events[i].time >= at) {
                    return i;
                }
            }
            return std::nullopt;  // the run ended before that time
        }
        case PauseKind::Line:
            for (std::size_t i = 0; i < events.size(); ++i) {
                const Event& event = events[i];
                if (event.kind == EventKind::TaskLine && event.value == pause.line &&
                    same_file(recorder.text(event.object), source_file)) {
                    return after_step_of(events, i, event.subject);
                }
            }
            return std::nullopt;
        case PauseKind::TaskWaits: {
            TaskNames names(recorder);
            for (std::size_t i = 0; i < events.size(); ++i) {
                names.see(events[i]);
                if (events[i].kind == EventKind::TaskWaiting &&
                    names.name(events[i].subject) == pause.subject) {
                    return after_step_of(events, i, events[i].subject);
                }
            }
            return std::nullopt;
        }
        case PauseKind::Output:
            for (const OutputLine& line : stdout_lines(recorder)) {
                if (line.text == pause.subject) {
                    return line.completed_at + 1;
                }
            }
            return std::nullopt;
    }
    return std::nullopt;
}

TraceAnswer decide_answer(const Checkpoint& checkpoint, const trace::Recorder& recorder,
                          std::string_view source_file) {
    const std::optional<std::size_t> pause = find_pause(checkpoint.pause, recorder, source_file);
    if (!pause) {
        return undecided("the run never reaches the pause (" +
                         std::string(to_string(checkpoint.pause.kind)) + ")");
    }
    return decide_at(checkpoint, recorder, *pause);
}

bool is_correct(const Checkpoint& checkpoint, const TraceAnswer& decided, std::string_view given) {
    return decided.decided && same_answer(checkpoint.check.kind, decided.answer, given);
}

}  // namespace loopscope::lesson
