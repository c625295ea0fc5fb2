#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "script/syntax/token.h"

namespace loopscope::script {

// The whole file as tokens, as CPython's tokenizer would produce them one by one. A tokenizer
// error ends the list with an Error token; the parser reports it only when it reaches it (so an
// earlier syntax error wins, as in CPython).
struct TokenizerError {
    std::string type;  // "SyntaxError", "IndentationError" or "TabError"
    std::string message;
    // Where CPython reports it. Columns are 0-based bytes; a negative column -n is reported as
    // the raw offset 1-n (CPython's -1 and 0 sentinels).
    std::uint32_t line = 0;
    std::int32_t column = 0;
    std::uint32_t end_line = 0;
    std::int32_t end_column = 0;
    // The file ended inside brackets. CPython's tokenizer raises nothing for it; the parser
    // reports "'(' was never closed" only if it reaches the Error token.
    bool unclosed_at_end = false;
    // CPython's tokenizer only records these (indentation, line continuation) for the parser
    // to raise when it reaches them: looking ahead after a parser error does not find them.
    bool found_only_when_reached = false;
    // It happened inside an f-string: CPython keeps a parser error from before it.
    bool inside_fstring = false;
};

struct TokenizedSource {
    std::vector<Token> tokens;
    std::vector<std::size_t> line_starts;  // byte offset where each line begins; [0] is line 1
    // The literal parts of f-strings with `{{`/`}}` undoubled, escapes still raw.
    std::vector<std::string> fstring_literals;
    std::optional<TokenizerError> error;  // set when the tokens end with an Error token
};

// `source` must be valid UTF-8 with "\n" line ends (parse_module normalises it first) and must
// outlive the tokens, which view it.
TokenizedSource tokenize(std::string_view source);

}  // namespace loopscope::script
