#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lesson/checkpoint.h"
#include "lesson/source_error.h"

namespace loopscope::lesson {

// A lesson as the app shows it: lessons/NN_name.py, its module docstring in Markdown with a
// `# Title` first, and its checkpoints (lessons/README.md).
struct LessonFile {
    std::string title;  // the docstring's `# Title`, without the `# `
    std::string text;   // the Markdown after the title line
    // The docstring's first and last source lines (1-based; 0 when there is none), e.g. for a
    // code pane that folds the text away because it shows it beside the code.
    int docstring_first_line = 0;
    int docstring_last_line = 0;
    std::vector<Checkpoint> checkpoints;  // in source order
    // Everything wrong with it: no docstring, no title, malformed checkpoints. A lesson with
    // errors still carries what could be read.
    std::vector<SourceError> errors;

    bool ok() const { return errors.empty(); }
};

// Reads a lesson from its source text. Never throws.
LessonFile parse_lesson(std::string_view source);

// Reads the file, then parses it. Throws std::runtime_error if the file cannot be read.
LessonFile load_lesson(const std::filesystem::path& path);

}  // namespace loopscope::lesson
