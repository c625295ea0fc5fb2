#pragma once

#include <string>

namespace loopscope::lesson {

// A problem found in a lesson's source, at a 1-based line: what an editor underlines.
struct SourceError {
    int line = 0;
    std::string message;

    // "line 12: ..." — how the errors are shown and logged.
    std::string text() const { return "line " + std::to_string(line) + ": " + message; }
    friend bool operator==(const SourceError&, const SourceError&) = default;
};

}  // namespace loopscope::lesson
