#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "async/future.h"
#include "lesson/checkpoint.h"
#include "trace/state.h"

namespace loopscope::lesson {

// The small vocabulary of checkpoint fields, shared by the parser and the evaluator.

std::string_view trim(std::string_view text);

bool valid_checkpoint_id(std::string_view id);

// `line`, `time 2.5`, `wait NAME`, `output TEXT`, `end`; nullopt and `problem` if malformed.
std::optional<Pause> parse_pause(std::string_view text, std::string& problem);
// `next-output`, `waiting timer`, `outcome NAME`...; nullopt and `problem` if malformed.
std::optional<Check> parse_check(std::string_view text, std::string& problem);

// "a | b | c" -> {"a", "b", "c"}, each trimmed.
std::vector<std::string> split_choices(std::string_view text);

// A decimal number, whole text (`4.5`, `-2`, `10`); nullopt otherwise.
std::optional<double> parse_number(std::string_view text);
// The first number in `text` (digits with an optional sign and fraction), as written.
std::optional<std::string> first_number_in(std::string_view text);

// `timer`, `lock`, `task-group`... (trace::await_kind_name's words) -> AwaitKind.
std::optional<AwaitKind> await_kind_named(std::string_view name);

// `tasks STATUS`: a trace::TaskStatus word, or `alive` (not finished).
bool valid_task_status(std::string_view status);
bool task_has_status(const trace::State::Task& task, std::string_view status);

// Why `checkpoint.answer` cannot be an answer to its check (wrong shape, not among the
// choices...); empty when it can.
std::string answer_problem(const Checkpoint& checkpoint);

// Whether `given` is the same answer as `decided` for this kind of check: numbers compare by
// value, orders item by item, the rest as trimmed text.
bool same_answer(CheckKind kind, std::string_view decided, std::string_view given);

}  // namespace loopscope::lesson
