#include <algorithm>
#include <string>

#include "script/syntax/parser.h"
#include "script/syntax/utf8.h"

namespace loopscope::script {
namespace {

std::size_t character_count(std::string_view text) {
    return count_characters(text, text.size());
}

}  // namespace

// CPython's print_exception and print_error_text (Python/pythonrun.c): the line without its
// indentation, then carets under the offending characters. Only SyntaxError itself underlines a
// range; its subclasses (IndentationError, TabError) get one caret.
std::string format_syntax_error(const SyntaxErrorInfo& error) {
    std::string out;
    if (error.line > 0) {
        out += "  File \"" + error.filename + "\", line " + std::to_string(error.line) + "\n";
        std::string_view text = error.text;
        auto line_size = static_cast<long>(character_count(text));
        long offset = error.offset;
        long end_offset = error.type == "SyntaxError" ? error.end_offset : -1;
        long end_line = error.type == "SyntaxError" ? error.end_line : error.line;
        // CPython's text keeps its newline: one more character than ours.
        if (end_line > error.line) {
            end_offset = line_size + 1;
        }
        end_offset = std::min(end_offset, line_size + 2);
        long carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
        --offset;
        std::size_t stripped = 0;
        while (stripped < text.size() &&
               (text[stripped] == ' ' || text[stripped] == '\t' || text[stripped] == '\f')) {
            ++stripped;
        }
        text.remove_prefix(stripped);
        offset -= static_cast<long>(stripped);
        offset = std::min(offset, static_cast<long>(character_count(text)));
        out += "    ";
        out += text;
        out += "\n";
        if (offset >= 0) {
            out += "    " + std::string(static_cast<std::size_t>(offset), ' ') +
                   std::string(static_cast<std::size_t>(carets), '^') + "\n";
        }
    }
    out += error.type + ": " + error.message + "\n";
    return out;
}

}  // namespace loopscope::script
