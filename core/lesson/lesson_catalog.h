#pragma once

#include <filesystem>
#include <vector>

#include "lesson/lesson_file.h"

namespace loopscope::lesson {

// One bundled lesson: lessons/NN_short_name.py.
struct LessonEntry {
    int number = 0;  // NN
    std::filesystem::path path;
    LessonFile lesson;
};

// The lessons of a folder, by number: every `NN_*.py` file (two digits, an underscore), read
// and parsed. Other files (README.md, lib/, expected/) are not lessons. Throws
// std::runtime_error if the folder or a lesson cannot be read.
std::vector<LessonEntry> load_lesson_catalog(const std::filesystem::path& folder);

}  // namespace loopscope::lesson
