#include "lesson/source_lines.h"

#include <cstddef>
#include <string>

namespace loopscope::lesson {
namespace {

// Where the scanner stands at a line break.
struct StringState {
    char quote = 0;       // the quote character of the open literal, 0 outside strings
    bool triple = false;  // the open literal is triple-quoted
};

// Scans one line from `state`, returning the state at its end. Sets `comment_at` to the
// position of a `#` that starts a comment, or npos.
StringState scan_line(std::string_view line, StringState state, std::size_t& comment_at) {
    comment_at = std::string_view::npos;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (state.quote != 0) {
            if (c == '\\') {
                // An escaped character, or a backslash before the line break. Raw strings
                // too: r"\"" does not end at the escaped quote.
                i += 2;
                continue;
            }
            if (c == state.quote) {
                if (!state.triple) {
                    state = {};
                    ++i;
                    continue;
                }
                if (line.substr(i, 3) == std::string(3, state.quote)) {
                    state = {};
                    i += 3;
                    continue;
                }
            }
            ++i;
            continue;
        }
        if (c == '#') {
            comment_at = i;
            return state;
        }
        if (c == '\'' || c == '"') {
            state.quote = c;
            state.triple = line.substr(i, 3) == std::string(3, c);
            i += state.triple ? 3 : 1;
            continue;
        }
        ++i;
    }
    // A single-quoted literal only continues past the line break after a backslash, which
    // the escape skip above stepped over; otherwise it is unterminated (a SyntaxError the
    // interpreter reports) and the next line starts outside it.
    if (state.quote != 0 && !state.triple && !(line.size() > 0 && line.back() == '\\')) {
        state = {};
    }
    return state;
}

}  // namespace

std::vector<SourceLine> split_source_lines(std::string_view source) {
    std::vector<SourceLine> lines;
    StringState state;
    std::size_t start = 0;
    int number = 1;
    while (start <= source.size()) {
        std::size_t end = start;
        while (end < source.size() && source[end] != '\n' && source[end] != '\r') {
            ++end;
        }
        SourceLine line;
        line.number = number++;
        line.text = source.substr(start, end - start);
        line.in_string = state.quote != 0;
        std::size_t comment_at = std::string_view::npos;
        const bool was_in_string = line.in_string;
        state = scan_line(line.text, state, comment_at);
        if (!was_in_string) {
            const std::size_t first = line.text.find_first_not_of(" \t\f");
            line.blank = first == std::string_view::npos;
            if (first != std::string_view::npos && first == comment_at) {
                line.comment_only = true;
                line.comment = line.text.substr(comment_at + 1);
            }
        }
        lines.push_back(line);
        if (end >= source.size()) {
            break;
        }
        start = end +
                (source[end] == '\r' && end + 1 < source.size() && source[end + 1] == '\n' ? 2 : 1);
        if (start == source.size()) {
            break;  // a final line break does not start another line
        }
    }
    return lines;
}

}  // namespace loopscope::lesson
