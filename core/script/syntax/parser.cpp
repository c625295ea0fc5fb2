#include "script/syntax/parser.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "script/syntax/grammar.h"
#include "script/syntax/lexer.h"
#include "script/syntax/utf8.h"

namespace loopscope::script {
namespace {

using grammar::SyntaxErrorThrown;

// CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after a parser error, the rest of
// the file is tokenized; a tokenizer error there wins, and so does a bracket left open at the
// end if it was opened on an earlier line than the parser's furthest token.
SyntaxErrorThrown tokenizer_error_after(const TokenizedSource& tokenized, std::size_t furthest,
                                        SyntaxErrorThrown parser_error) {
    if (!tokenized.error) {
        return parser_error;
    }
    const TokenizerError& error = *tokenized.error;
    if (error.found_only_when_reached || error.inside_fstring) {
        return parser_error;
    }
    std::uint32_t current_line = tokenized.tokens[furthest].line;
    if (!error.unclosed_at_end || current_line > error.line) {
        return grammar::token_error(error);
    }
    return parser_error;
}

// The source as CPython's tokenizer reads it: UTF-8, no BOM, "\n" line ends.
std::string normalise_source(std::string_view source) {
    if (source.substr(0, 3) == "\xEF\xBB\xBF") {
        source.remove_prefix(3);
    }
    std::string text;
    text.reserve(source.size() + 1);
    for (std::size_t i = 0; i < source.size(); ++i) {
        char c = source[i];
        if (c == '\r') {
            text += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') {
                ++i;
            }
        } else {
            text += c;
        }
    }
    return text;
}

std::string line_text(std::string_view source, std::uint32_t line) {
    std::size_t begin = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        std::size_t newline = source.find('\n', begin);
        if (newline == std::string_view::npos) {
            return "";
        }
        begin = newline + 1;
    }
    std::size_t end = source.find('\n', begin);
    if (end == std::string_view::npos) {
        end = source.size();
    }
    return std::string(source.substr(begin, end - begin));
}

// A byte column of `text` as CPython's 1-based character offset.
int character_offset(const std::string& text, std::int32_t column) {
    if (column < 0) {
        return column + 1;
    }
    return static_cast<int>(count_characters(text, static_cast<std::size_t>(column))) + 1;
}

}  // namespace

ParseOutcome parse_module(std::string_view raw_source, std::string_view filename) {
    ParseOutcome outcome;
    if (auto bad = find_invalid_utf8(raw_source)) {
        std::size_t line = 1;
        for (std::size_t i = 0; i < *bad; ++i) {
            if (raw_source[i] == '\n') {
                ++line;
            }
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02x",
                      static_cast<unsigned>(static_cast<unsigned char>(raw_source[*bad])));
        SyntaxErrorInfo error;
        error.type = "SyntaxError";
        error.message = std::string("Non-UTF-8 code starting with '") + hex + "' in file " +
                        std::string(filename) + " on line " + std::to_string(line) +
                        ", but no encoding declared; see https://peps.python.org/pep-0263/ for "
                        "details";
        error.filename = std::string(filename);
        outcome.error = std::move(error);
        return outcome;
    }
    std::string source = normalise_source(raw_source);
    if (const std::size_t nul = source.find('\0'); nul != std::string::npos) {
        SyntaxErrorInfo error;
        error.type = "SyntaxError";
        error.message = "source code cannot contain null bytes";
        error.filename = std::string(filename);
        // As CPython: the line holding the first NUL, its text up to the NUL, and no caret.
        const std::size_t line_start = source.rfind('\n', nul);
        const std::size_t text_start = line_start == std::string::npos ? 0 : line_start + 1;
        error.line = 1 + static_cast<int>(std::count(
                             source.begin(), source.begin() + static_cast<long>(nul), '\n'));
        error.text = source.substr(text_start, nul - text_start);
        error.offset = 0;
        outcome.error = std::move(error);
        return outcome;
    }
    TokenizedSource tokens = tokenize(source);
    grammar::Parser parser(tokens, source);
    try {
        outcome.module = parser.parse_file();
    } catch (SyntaxErrorThrown thrown) {
        SyntaxErrorInfo error;
        error.filename = std::string(filename);
        if (thrown.line == 0) {
            // Not a syntax error (a RecursionError): no position, as CPython's compiler.
            error.type = thrown.type;
            error.message = thrown.message;
            outcome.error = std::move(error);
            return outcome;
        }
        if (!thrown.from_tokenizer) {
            thrown = tokenizer_error_after(tokens, parser.furthest(), std::move(thrown));
        }
        error.type = thrown.type.empty() ? "SyntaxError" : thrown.type;
        error.message = thrown.message;
        error.line = static_cast<int>(thrown.line);
        error.text = line_text(source, thrown.line);
        error.offset = character_offset(error.text, thrown.column);
        error.end_line = static_cast<int>(thrown.end_line);
        std::string end_text =
            thrown.end_line == thrown.line ? error.text : line_text(source, thrown.end_line);
        error.end_offset = character_offset(end_text, thrown.end_column);
        outcome.error = std::move(error);
    }
    return outcome;
}

}  // namespace loopscope::script
