#include "script/syntax/lexer.h"

#include <array>
#include <cstdio>
#include <string>
#include <utility>

#include "script/syntax/utf8.h"

namespace loopscope::script {
namespace {

// CPython refuses to nest brackets deeper than this (MAXLEVEL in Parser/tokenizer.h).
constexpr std::size_t kMaxBracketNesting = 200;
// Tabs advance the indentation column to the next multiple of 8 (CPython's TABSIZE).
constexpr int kTabSize = 8;

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

struct OpenBracket {
    char bracket;
    std::uint32_t line;
    std::uint32_t column;
};

// One f-string being tokenized. `fields` are its open replacement fields, innermost last (a
// field opens another inside its format spec: f"{x:{width}}").
struct FStringFrame {
    char quote = '"';
    int quote_size = 1;
    bool raw = false;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    struct Field {
        std::size_t bracket_level;  // brackets_.size() just after its `{`
        bool in_format_spec = false;
    };
    std::vector<Field> fields;
};

class Tokenizer {
public:
    explicit Tokenizer(std::string_view source) : src_(source) {
        line_starts_.push_back(0);
        tokens_.reserve(source.size() / 3 + 16);
        for (std::size_t i = 0; i < src_.size(); ++i) {
            if (src_[i] == '\n' && i + 1 <= src_.size()) {
                line_starts_.push_back(i + 1);
            }
        }
    }

    TokenizedSource run() {
        while (!failed_ && !finished_) {
            if (in_fstring_literal()) {
                lex_fstring_literal();
                continue;
            }
            if (at_line_start_ && brackets_.empty()) {
                if (!lex_indentation()) {
                    continue;
                }
            }
            skip_blanks();
            if (failed_) {
                break;
            }
            if (pos_ >= src_.size()) {
                finish();
                break;
            }
            if (src_[pos_] == '\n') {
                if (brackets_.empty()) {
                    // CPython's NEWLINE starts at a comment before it.
                    std::size_t start = comment_start_ != kNoComment ? comment_start_ : pos_;
                    emit(TokenKind::Newline, start, pos_ + 1);
                    at_line_start_ = true;
                    line_has_tokens_ = false;
                }
                advance_newline();
                continue;
            }
            lex_token();
        }
        return TokenizedSource{std::move(tokens_), std::move(line_starts_), std::move(literals_),
                               std::move(error_)};
    }

private:
    std::string_view src_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::vector<Token> tokens_;
    std::vector<std::size_t> line_starts_;
    std::vector<std::string> literals_;
    std::optional<TokenizerError> error_;
    std::vector<int> indents_{0};
    std::vector<int> alt_indents_{0};
    std::vector<OpenBracket> brackets_;
    std::vector<FStringFrame> fstrings_;
    static constexpr std::size_t kNoComment = static_cast<std::size_t>(-1);
    std::size_t comment_start_ = kNoComment;  // a comment since the last token
    bool at_line_start_ = true;
    bool line_has_tokens_ = false;
    bool failed_ = false;
    bool finished_ = false;

    std::uint32_t column_of(std::size_t offset) const {
        return static_cast<std::uint32_t>(offset - line_starts_[line_of(offset) - 1]);
    }
    std::uint32_t line_of(std::size_t offset) const {
        // Tokens are emitted in order, so the answer is at or before line_.
        std::size_t line = line_;
        while (line > 1 && line_starts_[line - 1] > offset) {
            --line;
        }
        while (line < line_starts_.size() && line_starts_[line] <= offset) {
            ++line;
        }
        return static_cast<std::uint32_t>(line);
    }
    std::size_t line_end(std::uint32_t line) const {
        std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : src_.size();
        return end;
    }
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
    }
    void advance_newline() {
        ++pos_;
        ++line_;
    }

    Token& emit(TokenKind kind, std::size_t start, std::size_t end) {
        Token token;
        token.kind = kind;
        token.text = src_.substr(start, end - start);
        token.start = start;
        token.end = end;
        token.line = line_of(start);
        token.column = column_of(start);
        comment_start_ = kNoComment;
        if (kind == TokenKind::Newline && end > start) {
            // A NEWLINE ends on its own line, one past the line's last character.
            token.end_line = token.line;
            token.end_column = column_of(end - 1) + 1;
        } else {
            token.end_line = line_of(end);
            token.end_column = column_of(end);
        }
        tokens_.push_back(std::move(token));
        if (kind != TokenKind::Newline && kind != TokenKind::Indent && kind != TokenKind::Dedent) {
            line_has_tokens_ = true;
        }
        return tokens_.back();
    }

    // Ends the token list with a tokenizer error at (line, column) .. (end_line, end_column).
    void fail(std::string message, std::uint32_t line, std::int32_t column, std::uint32_t end_line,
              std::int32_t end_column, std::string type = "SyntaxError") {
        Token token;
        token.kind = TokenKind::Error;
        token.start = pos_ < src_.size() ? pos_ : src_.size();
        token.end = token.start;
        token.line = line;
        token.column = column >= 0 ? static_cast<std::uint32_t>(column) : 0;
        token.end_line = line;
        token.end_column = token.column;
        tokens_.push_back(std::move(token));
        error_ =
            TokenizerError{std::move(type), std::move(message), line, column, end_line, end_column};
        error_->inside_fstring = !fstrings_.empty();
        failed_ = true;
    }
    void fail_at(std::string message, std::size_t offset) {
        std::uint32_t line = line_of(offset);
        auto column = static_cast<std::int32_t>(column_of(offset));
        fail(std::move(message), line, column, line, column);
    }

    // --- indentation ------------------------------------------------------------------------

    // At the start of a logical line: measures the indentation and emits INDENT/DEDENT. Returns
    // false when the line was blank or a comment (consumed; no tokens).
    bool lex_indentation() {
        int column = 0;
        int alt_column = 0;
        std::size_t start = pos_;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == ' ') {
                ++column;
                ++alt_column;
            } else if (c == '\t') {
                column = (column / kTabSize + 1) * kTabSize;
                ++alt_column;
            } else if (c == '\f') {
                column = 0;
                alt_column = 0;
            } else {
                break;
            }
            ++pos_;
        }
        char c = peek();
        if (pos_ >= src_.size()) {
            at_line_start_ = false;
            return true;
        }
        if (c == '\\' && peek(1) != '\n') {
            skip_blanks();  // reports the character after the backslash
            return false;
        }
        if (c == '#' || c == '\n' || (c == '\\' && peek(1) == '\n')) {
            if (c == '#') {
                while (pos_ < src_.size() && src_[pos_] != '\n') {
                    ++pos_;
                }
            }
            if (c == '\\') {
                // A continuation line that starts with a backslash: not blank, the next line
                // continues it. Rare; treat the indentation as measured here.
                at_line_start_ = false;
                return apply_indentation(column, alt_column, start);
            }
            if (pos_ < src_.size()) {
                advance_newline();
            }
            return false;
        }
        at_line_start_ = false;
        return apply_indentation(column, alt_column, start);
    }

    bool apply_indentation(int column, int alt_column, std::size_t line_start) {
        std::uint32_t line = line_;
        auto indent_chars = static_cast<std::int32_t>(pos_ - line_start);
        auto line_length = static_cast<std::int32_t>(line_end(line) - line_starts_[line - 1]);
        if (column == indents_.back()) {
            if (alt_column != alt_indents_.back()) {
                fail_tab(line);
                return false;
            }
        } else if (column > indents_.back()) {
            if (alt_column <= alt_indents_.back()) {
                fail_tab(line);
                return false;
            }
            if (indents_.size() >= 100) {
                fail("too many levels of indentation", line, indent_chars, line, -2,
                     "IndentationError");
                error_->found_only_when_reached = true;
                return false;
            }
            indents_.push_back(column);
            alt_indents_.push_back(alt_column);
            Token& token = emit(TokenKind::Indent, pos_, pos_);
            token.column = static_cast<std::uint32_t>(indent_chars);
        } else {
            bool matches_a_level = false;
            for (int level : indents_) {
                matches_a_level = matches_a_level || level == column;
            }
            if (!matches_a_level) {
                fail("unindent does not match any outer indentation level", line, line_length, line,
                     -2, "IndentationError");
                error_->found_only_when_reached = true;
                return false;
            }
            while (indents_.size() > 1 && column < indents_.back()) {
                indents_.pop_back();
                alt_indents_.pop_back();
                emit(TokenKind::Dedent, pos_, pos_);
            }
            if (alt_column != alt_indents_.back()) {
                fail_tab(line);
                return false;
            }
        }
        return true;
    }
    void fail_tab(std::uint32_t line) {
        fail("inconsistent use of tabs and spaces in indentation", line, 0, line, -1, "TabError");
        error_->found_only_when_reached = true;
    }

    // Spaces, tabs, comments and backslash continuations between tokens.
    void skip_blanks() {
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                ++pos_;
            } else if (c == '#') {
                comment_start_ = pos_;
                while (pos_ < src_.size() && src_[pos_] != '\n') {
                    ++pos_;
                }
            } else if (c == '\\') {
                if (peek(1) == '\n') {
                    pos_ += 1;
                    advance_newline();
                    if (pos_ >= src_.size()) {
                        std::uint32_t line = line_ - 1;
                        auto column =
                            static_cast<std::int32_t>(src_.size() - 1 - line_starts_[line - 1]);
                        fail("unexpected EOF while parsing", line, column, line, -2);
                        return;
                    }
                } else if (pos_ + 1 >= src_.size()) {
                    fail_at("unexpected EOF while parsing", pos_);
                    return;
                } else {
                    auto column = static_cast<std::int32_t>(column_of(pos_)) + 1;
                    fail("unexpected character after line continuation character", line_, column,
                         line_, -1);
                    error_->found_only_when_reached = true;
                    return;
                }
            } else {
                break;
            }
        }
    }

    void finish() {
        if (!brackets_.empty()) {
            const OpenBracket& open = brackets_.back();
            fail(std::string("'") + open.bracket + "' was never closed", open.line,
                 static_cast<std::int32_t>(open.column), open.line, -1);
            error_->unclosed_at_end = true;
            return;
        }
        if (line_has_tokens_) {
            // The file's last line has no newline: CPython reads one there.
            std::size_t start = comment_start_ != kNoComment ? comment_start_ : pos_;
            Token& newline = emit(TokenKind::Newline, start, pos_);
            newline.end_column = column_of(pos_) + 1;
        }
        // CPython places the tokens at the end on the file's last line (blank or comment
        // lines count), before its first column.
        std::uint32_t last_line = line_;
        if (line_ > 1 && !src_.empty() && src_.back() == '\n') {
            last_line = line_ - 1;
        }
        auto at_end = [&](TokenKind kind) {
            Token& token = emit(kind, pos_, pos_);
            token.line = token.end_line = last_line;
            token.column = token.end_column = 0;
        };
        while (indents_.size() > 1) {
            indents_.pop_back();
            at_end(TokenKind::Dedent);
        }
        at_end(TokenKind::EndMarker);
        finished_ = true;
    }

    // --- tokens -------------------------------------------------------------------------

    bool in_fstring_expression() const {
        return !fstrings_.empty() && !fstrings_.back().fields.empty() &&
               !fstrings_.back().fields.back().in_format_spec;
    }
    bool in_fstring_literal() const { return !fstrings_.empty() && !in_fstring_expression(); }

    void lex_token() {
        char c = src_[pos_];
        if (in_fstring_expression()) {
            FStringFrame::Field& field = fstrings_.back().fields.back();
            if (brackets_.size() == field.bracket_level) {
                if (c == '}') {
                    emit(TokenKind::Op, pos_, pos_ + 1);
                    ++pos_;
                    brackets_.pop_back();
                    fstrings_.back().fields.pop_back();
                    return;
                }
                if (c == ':') {
                    emit(TokenKind::Op, pos_, pos_ + 1);
                    ++pos_;
                    field.in_format_spec = true;
                    return;
                }
                if (c == '!' && peek(1) != '=') {
                    emit(TokenKind::Op, pos_, pos_ + 1);
                    ++pos_;
                    return;
                }
            }
            const FStringFrame& frame = fstrings_.back();
            if (c == frame.quote && (frame.quote_size == 1 || (peek(1) == c && peek(2) == c)) &&
                !starts_string_literal_inside_field()) {
                if (tokens_.size() >= 2 && tokens_[tokens_.size() - 2].is_op("!")) {
                    // `{x!r"`: the quote ends the f-string; the parser reports the field.
                    auto size = static_cast<std::size_t>(frame.quote_size);
                    emit(TokenKind::FStringEnd, pos_, pos_ + size);
                    pos_ += size;
                    fstrings_.pop_back();
                    return;
                }
                fail_at("f-string: expecting '}'", pos_);
                return;
            }
        }
        if (is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80) {
            lex_name_or_prefixed_string();
            return;
        }
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
            lex_number();
            return;
        }
        if (c == '"' || c == '\'') {
            lex_string(pos_, pos_);
            return;
        }
        lex_operator();
    }

    // Inside a replacement field, the f-string's own quote may start a nested string (PEP 701)
    // only where an operand is expected; after an operand it closes the f-string too early.
    bool starts_string_literal_inside_field() const {
        if (tokens_.empty()) {
            return false;
        }
        const Token& last = tokens_.back();
        if (last.kind == TokenKind::Op) {
            std::string_view t = last.text;
            return !(t == ")" || t == "]" || t == "}");
        }
        return last.kind == TokenKind::Name && is_keyword_before_operand(last.text);
    }
    static bool is_keyword_before_operand(std::string_view word) {
        static constexpr std::array<std::string_view, 11> kWords = {
            "and", "or", "not", "in", "is", "if", "else", "lambda", "await", "return", "for"};
        for (std::string_view w : kWords) {
            if (word == w) {
                return true;
            }
        }
        return false;
    }

    void lex_name_or_prefixed_string() {
        std::size_t start = pos_;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (is_ascii_letter(c) || is_digit(c)) {
                ++pos_;
                continue;
            }
            if (static_cast<unsigned char>(c) >= 0x80) {
                Utf8CodePoint cp = decode_utf8(src_, pos_);
                if (!is_identifier_code_point(cp.value)) {
                    if (pos_ == start) {
                        fail_invalid_character(cp.value);
                        return;
                    }
                    break;
                }
                pos_ += cp.length;
                continue;
            }
            break;
        }
        std::string_view word = src_.substr(start, pos_ - start);
        char next = peek();
        bool conversion = in_fstring_expression() && !tokens_.empty() && tokens_.back().is_op("!");
        if ((next == '"' || next == '\'') && is_string_prefix(word) && !conversion) {
            lex_string(start, pos_);
            return;
        }
        emit(TokenKind::Name, start, pos_);
    }

    static bool is_string_prefix(std::string_view word) {
        if (word.empty() || word.size() > 2) {
            return false;
        }
        bool r = false, b = false, u = false, f = false;
        for (char c : word) {
            switch (c) {
                case 'r':
                case 'R':
                    if (r)
                        return false;
                    r = true;
                    break;
                case 'b':
                case 'B':
                    if (b)
                        return false;
                    b = true;
                    break;
                case 'u':
                case 'U':
                    if (u)
                        return false;
                    u = true;
                    break;
                case 'f':
                case 'F':
                    if (f)
                        return false;
                    f = true;
                    break;
                default:
                    return false;
            }
        }
        if (u) {
            return word.size() == 1;
        }
        return !(b && f);
    }

    void fail_invalid_character(char32_t cp) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        std::string message;
        if (cp < 0x80 || !is_printable_code_point(cp)) {
            message = std::string("invalid non-printable character ") + code;
        } else {
            message = "invalid character '" + encode_utf8(cp) + "' (" + code + ")";
        }
        fail_at(std::move(message), pos_);
    }

    // --- numbers --------------------------------------------------------------------------

    void lex_number() {
        std::size_t start = pos_;
        char c = src_[pos_];
        if (c == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                         peek(1) == 'b' || peek(1) == 'B')) {
            lex_radix_number(start);
            return;
        }
        bool is_float = false;
        bool nonzero_digit = false;
        if (c != '.') {
            if (!lex_decimal_digits(nonzero_digit)) {
                return;
            }
        }
        bool leading_zero = src_[start] == '0';
        if (peek() == '.') {
            is_float = true;
            ++pos_;
            if (is_digit(peek())) {
                bool ignored = false;
                if (!lex_decimal_digits(ignored)) {
                    return;
                }
            }
        }
        if ((peek() == 'e' || peek() == 'E') &&
            (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
            pos_ += is_digit(peek(1)) ? 1u : 2u;
            bool ignored = false;
            if (!lex_decimal_digits(ignored)) {
                return;
            }
            is_float = true;
        } else if ((peek() == 'e' || peek() == 'E') && (peek(1) == '+' || peek(1) == '-')) {
            fail_at("invalid decimal literal", pos_ + 1);
            return;
        }
        if (peek() == 'j' || peek() == 'J') {
            ++pos_;
            is_float = true;
        }
        if (!is_float && leading_zero && nonzero_digit) {
            std::uint32_t line = line_of(start);
            auto column = static_cast<std::int32_t>(column_of(start));
            fail(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                "for octal integers",
                line, column, line, column + 1);
            return;
        }
        if (!check_end_of_number("decimal")) {
            return;
        }
        emit(TokenKind::Number, start, pos_);
    }

    // Digits with single underscores between them; fails on "1_" and "1__0".
    bool lex_decimal_digits(bool& nonzero_digit) {
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (is_digit(c)) {
                nonzero_digit = nonzero_digit || c != '0';
                ++pos_;
            } else if (c == '_') {
                ++pos_;
                if (!is_digit(peek())) {
                    fail_at("invalid decimal literal", pos_ - 1);
                    return false;
                }
            } else {
                break;
            }
        }
        return true;
    }

    void lex_radix_number(std::size_t start) {
        char kind = static_cast<char>(src_[pos_ + 1] | 0x20);
        const char* name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
        pos_ += 2;
        auto valid = [kind](char c) {
            if (kind == 'x')
                return is_hex_digit(c);
            if (kind == 'o')
                return c >= '0' && c <= '7';
            return c == '0' || c == '1';
        };
        bool any = false;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == '_') {
                ++pos_;
                if (!valid(peek())) {
                    fail_at(std::string("invalid ") + name + " literal", pos_ - 1);
                    return;
                }
            } else if (valid(c)) {
                any = true;
                ++pos_;
            } else if (is_digit(c)) {
                fail_at(std::string("invalid digit '") + c + "' in " + name + " literal", pos_);
                return;
            } else {
                break;
            }
        }
        if (!any) {
            fail_at(std::string("invalid ") + name + " literal", pos_ - 1);
            return;
        }
        if (!check_end_of_number(name)) {
            return;
        }
        emit(TokenKind::Number, start, pos_);
    }

    // A number directly followed by letters is an error, except before the keywords CPython
    // still accepts there (`1if x else y`).
    bool check_end_of_number(const char* name) {
        char c = peek();
        if (!(is_ascii_letter(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80)) {
            return true;
        }
        static constexpr std::array<std::string_view, 8> kAllowed = {"and", "else", "for", "if",
                                                                     "in",  "is",   "not", "or"};
        std::string_view rest = src_.substr(pos_);
        for (std::string_view keyword : kAllowed) {
            if (rest.substr(0, keyword.size()) == keyword) {
                return true;
            }
        }
        fail_at(std::string("invalid ") + name + " literal", pos_ - 1);  // its last character
        return false;
    }

    // --- strings --------------------------------------------------------------------------

    void lex_string(std::size_t start, std::size_t quote_pos) {
        std::string_view prefix = src_.substr(start, quote_pos - start);
        bool is_f = prefix.find_first_of("fF") != std::string_view::npos;
        bool raw = prefix.find_first_of("rR") != std::string_view::npos;
        pos_ = quote_pos;
        char quote = src_[pos_];
        int quote_size = (peek(1) == quote && peek(2) == quote) ? 3 : 1;
        pos_ += static_cast<std::size_t>(quote_size);
        std::uint32_t line = line_of(start);
        auto column = static_cast<std::int32_t>(column_of(start));
        if (is_f) {
            if (fstrings_.size() >= 150) {
                fail_at("too many nested f-strings", start);
                return;
            }
            emit(TokenKind::FStringStart, start, pos_);
            FStringFrame frame;
            frame.quote = quote;
            frame.quote_size = quote_size;
            frame.raw = raw;
            frame.line = line;
            frame.column = static_cast<std::uint32_t>(column);
            fstrings_.push_back(std::move(frame));
            return;
        }
        while (true) {
            if (pos_ >= src_.size()) {
                fail_unterminated(quote_size, false, line, column);
                return;
            }
            char c = src_[pos_];
            if (c == quote) {
                if (quote_size == 1) {
                    ++pos_;
                    break;
                }
                if (peek(1) == quote && peek(2) == quote) {
                    pos_ += 3;
                    break;
                }
                ++pos_;
            } else if (c == '\\') {
                ++pos_;
                if (pos_ < src_.size()) {
                    if (src_[pos_] == '\n') {
                        advance_newline();
                    } else {
                        ++pos_;
                    }
                }
            } else if (c == '\n') {
                if (quote_size == 1) {
                    fail_unterminated(quote_size, false, line, column);
                    return;
                }
                advance_newline();
            } else {
                ++pos_;
            }
        }
        emit(TokenKind::String, start, pos_);
    }

    void fail_unterminated(int quote_size, bool fstring, std::uint32_t line, std::int32_t column) {
        // At the end of a file that ends with a newline, CPython is still on the last line.
        std::uint32_t detected = line_;
        if (pos_ >= src_.size() && !src_.empty() && src_.back() == '\n') {
            detected = line_ - 1;
        }
        std::string kind = fstring ? "f-string" : "string";
        std::string message = quote_size == 3 ? "unterminated triple-quoted " + kind + " literal"
                                              : "unterminated " + kind + " literal";
        message += " (detected at line " + std::to_string(detected) + ")";
        fail(std::move(message), line, column, line, column);
    }

    // The literal part of an f-string (or of a format spec), up to the next `{`, the `}` that
    // ends a format spec, or the closing quote.
    void lex_fstring_literal() {
        FStringFrame& frame = fstrings_.back();
        bool in_spec = !frame.fields.empty();
        std::size_t start = pos_;
        std::string value;
        auto flush = [&](std::size_t end) {
            if (end > start) {
                Token& token = emit(TokenKind::FStringMiddle, start, end);
                token.literal_index = static_cast<std::uint32_t>(literals_.size());
                literals_.push_back(std::move(value));
            }
            value.clear();
        };
        while (true) {
            if (pos_ >= src_.size()) {
                if (in_spec) {
                    flush(pos_);
                    finish();  // the field's `{` was never closed
                    return;
                }
                fail_unterminated(frame.quote_size, true, frame.line,
                                  static_cast<std::int32_t>(frame.column));
                return;
            }
            char c = src_[pos_];
            if (c == frame.quote && (frame.quote_size == 1 || (peek(1) == c && peek(2) == c))) {
                // Inside a format spec this ends the f-string too, leaving the field's `{`
                // open: the parser or the next bracket reports it, as in CPython.
                flush(pos_);
                auto size = static_cast<std::size_t>(frame.quote_size);
                emit(TokenKind::FStringEnd, pos_, pos_ + size);
                pos_ += size;
                fstrings_.pop_back();
                return;
            }
            if (c == '\n') {
                if (frame.quote_size == 1) {
                    if (in_spec) {
                        fail_at("f-string: expecting '}'", pos_);
                        return;
                    }
                    fail_unterminated(1, true, frame.line, static_cast<std::int32_t>(frame.column));
                    return;
                }
                value += c;
                advance_newline();
                continue;
            }
            if (c == '\\') {
                value += c;
                ++pos_;
                if (pos_ >= src_.size()) {
                    continue;
                }
                char escaped = src_[pos_];
                if (!frame.raw && escaped == 'N' && peek(1) == '{') {
                    while (pos_ < src_.size() && src_[pos_] != '}' && src_[pos_] != '\n') {
                        value += src_[pos_++];
                    }
                    if (pos_ < src_.size() && src_[pos_] == '}') {
                        value += src_[pos_++];
                    }
                    continue;
                }
                if (escaped == '{' || escaped == '}') {
                    continue;  // a backslash before a brace is a literal backslash
                }
                value += escaped;
                if (escaped == '\n') {
                    advance_newline();
                } else {
                    ++pos_;
                }
                continue;
            }
            if (c == '{') {
                if (peek(1) == '{' && !in_spec) {
                    value += '{';
                    pos_ += 2;
                    continue;
                }
                flush(pos_);
                if (brackets_.size() >= kMaxBracketNesting) {
                    fail_at("too many nested parentheses", pos_);
                    return;
                }
                emit(TokenKind::Op, pos_, pos_ + 1);
                brackets_.push_back(OpenBracket{'{', line_, column_of(pos_)});
                ++pos_;
                frame.fields.push_back(FStringFrame::Field{brackets_.size(), false});
                return;
            }
            if (c == '}') {
                if (peek(1) == '}' && !in_spec) {
                    value += '}';
                    pos_ += 2;
                    continue;
                }
                if (!in_spec) {
                    fail_at("f-string: single '}' is not allowed", pos_);
                    return;
                }
                flush(pos_);
                emit(TokenKind::Op, pos_, pos_ + 1);
                ++pos_;
                brackets_.pop_back();
                frame.fields.pop_back();
                return;
            }
            value += c;
            ++pos_;
        }
    }

    // --- operators ------------------------------------------------------------------------

    void lex_operator() {
        static constexpr std::array<std::string_view, 4> kThree = {"**=", "//=", ">>=", "<<="};
        static constexpr std::array<std::string_view, 20> kTwo = {
            "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=",
            ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "<>"};
        std::string_view rest = src_.substr(pos_);
        if (rest.substr(0, 3) == "...") {
            emit(TokenKind::Op, pos_, pos_ + 3);
            pos_ += 3;
            return;
        }
        for (std::string_view op : kThree) {
            if (rest.substr(0, 3) == op) {
                emit(TokenKind::Op, pos_, pos_ + 3);
                pos_ += 3;
                return;
            }
        }
        for (std::string_view op : kTwo) {
            if (rest.substr(0, 2) == op && op != "<>") {
                emit(TokenKind::Op, pos_, pos_ + 2);
                pos_ += 2;
                return;
            }
        }
        char c = src_[pos_];
        switch (c) {
            case '(':
            case '[':
            case '{':
                if (brackets_.size() >= kMaxBracketNesting) {
                    fail_at("too many nested parentheses", pos_);
                    return;
                }
                brackets_.push_back(OpenBracket{c, line_, column_of(pos_)});
                emit(TokenKind::Op, pos_, pos_ + 1);
                ++pos_;
                return;
            case ')':
            case ']':
            case '}':
                close_bracket(c);
                return;
            case '%':
            case '&':
            case '*':
            case '+':
            case ',':
            case '-':
            case '.':
            case '/':
            case ':':
            case ';':
            case '<':
            case '=':
            case '>':
            case '@':
            case '^':
            case '|':
            case '~':
            case '!':
            case '$':
            case '?':
            case '`':
                emit(TokenKind::Op, pos_, pos_ + 1);
                ++pos_;
                return;
            default:
                break;
        }
        fail_invalid_character(static_cast<unsigned char>(c));
    }

    void close_bracket(char c) {
        if (brackets_.empty()) {
            fail_at(std::string("unmatched '") + c + "'", pos_);
            return;
        }
        const OpenBracket& open = brackets_.back();
        if (!fstrings_.empty() && !fstrings_.back().fields.empty() &&
            brackets_.size() == fstrings_.back().fields.back().bracket_level && c != '}') {
            fail_at(std::string("f-string: unmatched '") + c + "'", pos_);
            return;
        }
        char expected = open.bracket == '(' ? ')' : open.bracket == '[' ? ']' : '}';
        if (c != expected) {
            std::string message = std::string("closing parenthesis '") + c +
                                  "' does not match opening parenthesis '" + open.bracket + "'";
            if (open.line != line_) {
                message += " on line " + std::to_string(open.line);
            }
            fail_at(std::move(message), pos_);
            return;
        }
        brackets_.pop_back();
        emit(TokenKind::Op, pos_, pos_ + 1);
        ++pos_;
    }
};

}  // namespace

TokenizedSource tokenize(std::string_view source) {
    return Tokenizer(source).run();
}

}  // namespace loopscope::script
