#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "script/syntax/ast.h"

namespace loopscope::script {

// A SyntaxError (or its subclasses IndentationError and TabError) as CPython 3.12 reports it:
// the same words, the same line and 1-based character offset. Two other errors of a file that
// cannot run come the same way:
// - "OverflowError: integer literal too large" for an int literal beyond 64 bits (our int is
//   64-bit; CPython would accept it), with its position, when the file has no syntax error;
// - "RecursionError: maximum recursion depth exceeded during compilation" for expressions
//   nested as deep as CPython's compiler refuses (line 0: no position, as CPython prints it).
// A file that is not UTF-8 also has line 0 (CPython reports it before reading any line).
struct SyntaxErrorInfo {
    std::string type;     // "SyntaxError", "IndentationError", "TabError" (see above)
    std::string message;  // CPython 3.12's words: "invalid syntax", "'(' was never closed", ...
    std::string filename;
    int line = 0;    // 1-based
    int offset = 0;  // 1-based column as CPython's SyntaxError.offset (characters)
    int end_line = 0;
    int end_offset = 0;
    std::string text;  // the source line, without its newline
};

struct ParseOutcome {
    std::optional<ast::Module> module;     // set on success
    std::optional<SyntaxErrorInfo> error;  // set on failure
};

// Parses a whole file. Never throws for bad input: every problem is a SyntaxErrorInfo.
ParseOutcome parse_module(std::string_view source, std::string_view filename);

// What CPython prints on stderr for it, e.g.
//   File "x.py", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n
std::string format_syntax_error(const SyntaxErrorInfo& error);

}  // namespace loopscope::script
