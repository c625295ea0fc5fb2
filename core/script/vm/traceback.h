#pragma once

#include <deque>
#include <string>

#include "script/objects/object.h"
#include "script/syntax/ast.h"

namespace loopscope::script::vm {

struct Frame;
struct VmState;

struct TracebackEntry {
    std::string filename;
    std::string name;  // the code's name: "<module>", "f"
    int line = 0;
    ast::Location location;  // of the instruction, for the caret line
    int anchor_left = -1;    // CPython's `~~^~~` split, relative to location.column; -1: none
    int anchor_right = -1;
};

// ExceptionObject::traceback: the frames an exception passed, outermost first (CPython's
// tb_next chain order). The VM prepends an entry each time the exception leaves a frame: a
// deque, so that a RecursionError unwinding 100,000 frames costs 100,000 steps, not 10^10.
struct TracebackObject : Object {
    explicit TracebackObject(TypeObject* tb_type) : Object(tb_type) {}
    std::deque<TracebackEntry> entries;
};

// Records that the exception passed `frame` at its current instruction.
// `name` overrides the frame's code name (an inlined comprehension reports its enclosing one).
void add_traceback_entry(VmState& vm, const Value& exception, const Frame& frame,
                         const std::string* name = nullptr);

// The text CPython 3.12 prints for an uncaught exception: "Traceback (most recent call
// last):", the frames with their source lines, "ValueError: msg", with chained causes and
// contexts and ExceptionGroup boxes.
std::string format_exception(Runtime& rt, const Value& exception);

// The source line `line` of `filename` (stripped of its indentation), or "" when unknown.
std::string source_line(Runtime& rt, const std::string& filename, int line);

}  // namespace loopscope::script::vm
