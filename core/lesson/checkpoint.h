#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lesson/source_error.h"

namespace loopscope::lesson {

// Where playback pauses for a checkpoint (lessons/README.md, "Checkpoints").
enum class PauseKind {
    Line,       // `pause: line` — a task's first task-line event at `line`
    Time,       // `pause: time 2.5` — before the first event at or after that loop time
    TaskWaits,  // `pause: wait NAME` — the task named NAME's first task-waiting event
    Output,     // `pause: output TEXT` — the event that completes the stdout line TEXT
    End,        // `pause: end` — after the last event
};

struct Pause {
    PauseKind kind = PauseKind::End;
    int line = 0;         // Line: the code line below the checkpoint block (1-based)
    double seconds = 0;   // Time: loop time since the trace's first event
    std::string subject;  // TaskWaits: the task's name; Output: the whole stdout line
    friend bool operator==(const Pause&, const Pause&) = default;
};

// What the trace decides, from the pause on (lessons/README.md, "Checks").
enum class CheckKind {
    NextOutput,   // `check: next-output` — the first stdout line completed after the pause
    NextStep,     // `check: next-step` — the name of the next task to begin a step
    Waiting,      // `check: waiting KIND` — tasks waiting on a KIND (timer, lock...) at the pause
    Tasks,        // `check: tasks STATUS` — tasks in STATUS (done, alive...) at the pause
    Outcome,      // `check: outcome NAME` — how the task NAME ended: done/cancelled/failed
    OutputOrder,  // `check: output-order` — the choices in the order stdout first shows them
    Number,       // `check: number PREFIX` — the first number after PREFIX on a stdout line
};

struct Check {
    CheckKind kind = CheckKind::NextOutput;
    std::string argument;  // the KIND, STATUS, NAME or PREFIX; empty for the others
    friend bool operator==(const Check&, const Check&) = default;
};

// One "predict what happens" stop of a lesson.
struct Checkpoint {
    std::string id;
    int line = 0;  // of its `# checkpoint:` header
    Pause pause;
    std::string question;              // `ask:`
    Check check;                       // `check:`
    std::vector<std::string> choices;  // `choices: a | b | c` (may be empty)
    std::string answer;       // `answer:` — the lesson author's, tests hold it to the trace
    std::string explanation;  // `explain:` (may be empty)
    friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

struct CheckpointParse {
    std::vector<Checkpoint> checkpoints;  // the well-formed ones, in source order
    std::vector<SourceError> errors;      // one per malformed block (the block is skipped)
};

// Finds every `# checkpoint:` comment block of a Python source (outside string literals) and
// parses it. Never throws: a malformed block becomes an error naming its line.
CheckpointParse parse_checkpoints(std::string_view source);

// The names the format uses, for messages and for the app's UI.
std::string_view to_string(PauseKind kind);
std::string_view to_string(CheckKind kind);

}  // namespace loopscope::lesson
