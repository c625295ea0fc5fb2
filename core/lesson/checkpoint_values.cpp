#include "lesson/checkpoint_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "trace/state_text.h"

namespace loopscope::lesson {
namespace {

constexpr std::array<std::string_view, 8> kTaskStatuses = {
    "created", "ready", "running", "waiting", "done", "cancelled", "failed", "alive"};
constexpr std::array<std::string_view, 4> kOutcomes = {"done", "cancelled", "failed", "unfinished"};

// The first word of `text` and the trimmed rest.
std::pair<std::string_view, std::string_view> split_word(std::string_view text) {
    text = trim(text);
    const std::size_t space = text.find_first_of(" \t");
    if (space == std::string_view::npos) {
        return {text, {}};
    }
    return {text.substr(0, space), trim(text.substr(space))};
}

std::string joined_names() {
    std::string names;
    for (int kind = 0; kind <= static_cast<int>(AwaitKind::Wait); ++kind) {
        names += (names.empty() ? "" : ", ") +
                 std::string(trace::await_kind_name(static_cast<AwaitKind>(kind)));
    }
    return names;
}

bool is_non_negative_integer(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

}  // namespace

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool valid_checkpoint_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
}

std::optional<Pause> parse_pause(std::string_view text, std::string& problem) {
    const auto [word, rest] = split_word(text);
    Pause pause;
    if (word == "line" || word == "end") {
        if (!rest.empty()) {
            problem = "`pause: " + std::string(word) + "` takes nothing after it";
            return std::nullopt;
        }
        pause.kind = word == "line" ? PauseKind::Line : PauseKind::End;
        return pause;
    }
    if (word == "time") {
        const std::optional<double> seconds = parse_number(rest);
        if (!seconds || *seconds < 0) {
            problem = "`pause: time` needs loop time in seconds, as in `pause: time 2.5`";
            return std::nullopt;
        }
        pause.kind = PauseKind::Time;
        pause.seconds = *seconds;
        return pause;
    }
    if (word == "wait" || word == "output") {
        if (rest.empty()) {
            problem = word == "wait" ? "`pause: wait` needs a task name, as in `pause: wait backup`"
                                     : "`pause: output` needs the stdout line it pauses after";
            return std::nullopt;
        }
        pause.kind = word == "wait" ? PauseKind::TaskWaits : PauseKind::Output;
        pause.subject = std::string(rest);
        return pause;
    }
    problem = "unknown pause '" + std::string(trim(text)) +
              "' (expected line, time SECONDS, wait TASK, output TEXT or end)";
    return std::nullopt;
}

std::optional<Check> parse_check(std::string_view text, std::string& problem) {
    const auto [word, rest] = split_word(text);
    Check check;
    check.argument = std::string(rest);
    const auto without_argument = [&](CheckKind kind) -> std::optional<Check> {
        if (!rest.empty()) {
            problem = "`check: " + std::string(word) + "` takes nothing after it";
            return std::nullopt;
        }
        check.kind = kind;
        return check;
    };
    if (word == "next-output") {
        return without_argument(CheckKind::NextOutput);
    }
    if (word == "next-step") {
        return without_argument(CheckKind::NextStep);
    }
    if (word == "output-order") {
        return without_argument(CheckKind::OutputOrder);
    }
    if (word == "waiting") {
        if (!await_kind_named(rest)) {
            problem = "`check: waiting` needs what the tasks wait on, one of " + joined_names();
            return std::nullopt;
        }
        check.kind = CheckKind::Waiting;
        return check;
    }
    if (word == "tasks") {
        if (!valid_task_status(rest)) {
            problem =
                "`check: tasks` needs a status: created, ready, running, waiting, done, "
                "cancelled, failed or alive";
            return std::nullopt;
        }
        check.kind = CheckKind::Tasks;
        return check;
    }
    if (word == "outcome" || word == "number") {
        if (rest.empty()) {
            problem = word == "outcome"
                          ? "`check: outcome` needs a task name, as in `check: outcome backup`"
                          : "`check: number` needs the text the number follows on its line";
            return std::nullopt;
        }
        check.kind = word == "outcome" ? CheckKind::Outcome : CheckKind::Number;
        return check;
    }
    problem = "unknown check '" + std::string(trim(text)) +
              "' (expected next-output, next-step, waiting KIND, tasks STATUS, outcome TASK, "
              "output-order or number PREFIX)";
    return std::nullopt;
}

std::vector<std::string> split_choices(std::string_view text) {
    std::vector<std::string> choices;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = text.find('|', start);
        choices.emplace_back(trim(text.substr(start, bar - start)));
        if (bar == std::string_view::npos) {
            break;
        }
        start = bar + 1;
    }
    return choices;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    const std::optional<std::string> number = first_number_in(text);
    if (!number || *number != text) {
        return std::nullopt;
    }
    return std::strtod(number->c_str(), nullptr);
}

std::optional<std::string> first_number_in(std::string_view text) {
    const auto digit = [&](std::size_t at) {
        return at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0;
    };
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (!digit(at)) {
            continue;
        }
        std::size_t start = at;
        if (start > 0 && text[start - 1] == '-') {
            --start;
        }
        std::size_t end = at;
        while (digit(end)) {
            ++end;
        }
        if (end < text.size() && text[end] == '.' && digit(end + 1)) {
            ++end;
            while (digit(end)) {
                ++end;
            }
        }
        return std::string(text.substr(start, end - start));
    }
    return std::nullopt;
}

std::optional<AwaitKind> await_kind_named(std::string_view name) {
    for (int kind = 0; kind <= static_cast<int>(AwaitKind::Wait); ++kind) {
        if (trace::await_kind_name(static_cast<AwaitKind>(kind)) == name) {
            return static_cast<AwaitKind>(kind);
        }
    }
    return std::nullopt;
}

bool valid_task_status(std::string_view status) {
    return std::find(kTaskStatuses.begin(), kTaskStatuses.end(), status) != kTaskStatuses.end();
}

bool task_has_status(const trace::State::Task& task, std::string_view status) {
    if (status == "alive") {
        return !task.finished();
    }
    return trace::to_string(task.status) == status;
}

std::string answer_problem(const Checkpoint& checkpoint) {
    const std::string& answer = checkpoint.answer;
    const auto& choices = checkpoint.choices;
    switch (checkpoint.check.kind) {
        case CheckKind::Waiting:
        case CheckKind::Tasks:
            if (!is_non_negative_integer(answer)) {
                return "the answer to a `" + std::string(to_string(checkpoint.check.kind)) +
                       "` check is a count of tasks, not '" + answer + "'";
            }
            break;
        case CheckKind::Number:
            if (!parse_number(answer)) {
                return "the answer to a `number` check is a number, not '" + answer + "'";
            }
            break;
        case CheckKind::Outcome:
            if (std::find(kOutcomes.begin(), kOutcomes.end(), answer) == kOutcomes.end()) {
                return "the answer to an `outcome` check is done, cancelled, failed or "
                       "unfinished, not '" +
                       answer + "'";
            }
            break;
        case CheckKind::OutputOrder: {
            if (choices.size() < 2) {
                return "an `output-order` check needs at least two `choices:` to put in order";
            }
            std::vector<std::string> given = split_choices(answer);
            std::vector<std::string> expected = choices;
            std::sort(given.begin(), given.end());
            std::sort(expected.begin(), expected.end());
            if (given != expected) {
                return "the answer to an `output-order` check lists every choice once, in "
                       "order, separated by ' | '";
            }
            return {};
        }
        case CheckKind::NextOutput:
        case CheckKind::NextStep:
            break;
    }
    if (!choices.empty() && std::find(choices.begin(), choices.end(), answer) == choices.end()) {
        return "the answer '" + answer + "' is not one of the choices";
    }
    return {};
}

bool same_answer(CheckKind kind, std::string_view decided, std::string_view given) {
    switch (kind) {
        case CheckKind::Number:
        case CheckKind::Waiting:
        case CheckKind::Tasks: {
            const std::optional<double> a = parse_number(decided);
            const std::optional<double> b = parse_number(given);
            return a && b && std::fabs(*a - *b) < 1e-9;
        }
        case CheckKind::OutputOrder:
            return split_choices(decided) == split_choices(given);
        case CheckKind::NextOutput:
        case CheckKind::NextStep:
        case CheckKind::Outcome:
            break;
    }
    return trim(decided) == trim(given);
}

}  // namespace loopscope::lesson
