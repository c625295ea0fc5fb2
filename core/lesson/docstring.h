#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lesson/source_error.h"

namespace loopscope::lesson {

struct Docstring {
    std::string text;    // the literal's value, cleaned up as inspect.cleandoc does
    int first_line = 0;  // where the literal starts
    int last_line = 0;   // where it ends
};

// The module docstring of a Python source: the string literal that is its first statement
// (after blank lines, comments and a shebang or encoding line). Handles '...', "...",
// triple quotes, the r/u prefixes and adjacent literals on the same line; escapes are
// decoded unless the literal is raw. nullopt when the source has none; `error` is set when
// the first statement is a malformed literal (unterminated, a bytes or f-string prefix).
std::optional<Docstring> module_docstring(std::string_view source,
                                          std::optional<SourceError>& error);

// inspect.cleandoc: leading whitespace of the first line dropped, the common indentation of
// the other lines removed, blank lines at both ends removed, tabs expanded to 8 columns.
std::string clean_docstring(std::string_view text);

}  // namespace loopscope::lesson
