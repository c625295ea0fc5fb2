#pragma once

#include <string_view>
#include <vector>

namespace loopscope::lesson {

// One physical line of a Python source, classified just enough to find comment blocks: a
// `#` inside a string literal (a docstring's Markdown heading) is not a comment.
struct SourceLine {
    int number = 0;          // 1-based
    std::string_view text;   // without its line break
    bool in_string = false;  // starts inside a multi-line string literal
    bool blank = false;      // only whitespace, outside any string
    // A line that is a comment and nothing else: its first non-blank character is `#`,
    // outside any string. `comment` is the text after the `#`.
    bool comment_only = false;
    std::string_view comment;
};

// Splits `source` into lines (\n, \r\n or \r), tracking string literals across lines: triple
// quotes, and single quotes continued with a backslash. `source` must outlive the result.
std::vector<SourceLine> split_source_lines(std::string_view source);

}  // namespace loopscope::lesson
