#include "lesson/docstring.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace loopscope::lesson {
namespace {

// Reads characters of a source, counting lines.
class Cursor {
public:
    explicit Cursor(std::string_view source) : source_(source) {}

    bool done() const { return at_ >= source_.size(); }
    char peek(std::size_t ahead = 0) const {
        return at_ + ahead < source_.size() ? source_[at_ + ahead] : '\0';
    }
    bool looking_at(std::string_view text) const {
        return source_.substr(at_, text.size()) == text;
    }
    char take() {
        const char c = source_[at_++];
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
            ++line_;
        }
        return c;
    }
    int line() const { return line_; }

private:
    std::string_view source_;
    std::size_t at_ = 0;
    int line_ = 1;
};

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// One escape sequence after its backslash, as Python decodes it in a str literal. Unknown
// escapes (and \N{...}, which needs the Unicode name table) keep their backslash.
void decode_escape(Cursor& cursor, std::string& out) {
    const char c = cursor.take();
    switch (c) {
        case '\n':
            return;  // a backslash at the end of a line joins the lines
        case '\r':
            if (cursor.peek() == '\n') {
                cursor.take();
            }
            return;
        case '\\':
        case '\'':
        case '"':
            out += c;
            return;
        case 'n':
            out += '\n';
            return;
        case 't':
            out += '\t';
            return;
        case 'r':
            out += '\r';
            return;
        case 'a':
            out += '\a';
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'v':
            out += '\v';
            return;
        case 'x':
        case 'u':
        case 'U': {
            const int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            std::uint32_t code = 0;
            for (int i = 0; i < digits; ++i) {
                const int value = hex_value(cursor.peek());
                if (value < 0) {
                    out += '\\';
                    out += c;
                    return;
                }
                cursor.take();
                code = code * 16 + static_cast<std::uint32_t>(value);
            }
            append_utf8(out, code);
            return;
        }
        default:
            break;
    }
    if (c >= '0' && c <= '7') {
        std::uint32_t code = static_cast<std::uint32_t>(c - '0');
        for (int i = 0; i < 2 && cursor.peek() >= '0' && cursor.peek() <= '7'; ++i) {
            code = code * 8 + static_cast<std::uint32_t>(cursor.take() - '0');
        }
        append_utf8(out, code);
        return;
    }
    out += '\\';
    out += c;
}

// Skips whitespace, comments and line breaks before the first statement.
void skip_to_first_statement(Cursor& cursor) {
    while (!cursor.done()) {
        const char c = cursor.peek();
        if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
            cursor.take();
        } else if (c == '#') {
            while (!cursor.done() && cursor.peek() != '\n' && cursor.peek() != '\r') {
                cursor.take();
            }
        } else {
            return;
        }
    }
}

// The length of a string prefix (r, u, b, f, rb...) followed by a quote at the cursor, or -1.
int prefix_length(const Cursor& cursor) {
    for (int length = 0; length <= 2; ++length) {
        const char c = cursor.peek(static_cast<std::size_t>(length));
        if (c == '\'' || c == '"') {
            return length;
        }
        if (!std::isalpha(static_cast<unsigned char>(c))) {
            return -1;
        }
    }
    return -1;
}

// Reads one string literal at the cursor into `out`.
bool read_literal(Cursor& cursor, std::string& out, std::optional<SourceError>& error) {
    const int start_line = cursor.line();
    const int prefix = prefix_length(cursor);
    bool raw = false;
    for (int i = 0; i < prefix; ++i) {
        const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(cursor.take())));
        if (p == 'r') {
            raw = true;
        } else if (p != 'u') {
            error = SourceError{start_line, "the docstring must be a plain string literal (no " +
                                                std::string(1, p) + " prefix)"};
            return false;
        }
    }
    const char quote = cursor.peek();
    const std::string triple(3, quote);
    const bool is_triple = cursor.looking_at(triple);
    for (int i = 0; i < (is_triple ? 3 : 1); ++i) {
        cursor.take();
    }
    while (!cursor.done()) {
        if (is_triple ? cursor.looking_at(triple) : cursor.peek() == quote) {
            for (int i = 0; i < (is_triple ? 3 : 1); ++i) {
                cursor.take();
            }
            return true;
        }
        const char c = cursor.peek();
        if (!is_triple && (c == '\n' || c == '\r')) {
            break;
        }
        cursor.take();
        if (c == '\\') {
            if (cursor.done()) {
                break;
            }
            if (raw) {
                out += c;
                out += cursor.take();  // kept as written, but it cannot end the literal
            } else {
                decode_escape(cursor, out);
            }
            continue;
        }
        if (c == '\r') {
            // Python reads \r\n and \r line breaks in a literal as \n.
            if (cursor.peek() == '\n') {
                cursor.take();
            }
            out += '\n';
            continue;
        }
        out += c;
    }
    error = SourceError{start_line, "the docstring is never closed (unterminated string literal)"};
    return false;
}

}  // namespace

std::optional<Docstring> module_docstring(std::string_view source,
                                          std::optional<SourceError>& error) {
    error.reset();
    Cursor cursor(source);
    if (cursor.looking_at("\xEF\xBB\xBF")) {  // a UTF-8 byte order mark
        for (int i = 0; i < 3; ++i) {
            cursor.take();
        }
    }
    skip_to_first_statement(cursor);
    if (prefix_length(cursor) < 0) {
        return std::nullopt;
    }
    Docstring docstring;
    docstring.first_line = cursor.line();
    std::string raw_text;
    while (prefix_length(cursor) >= 0) {
        if (!read_literal(cursor, raw_text, error)) {
            return std::nullopt;
        }
        while (cursor.peek() == ' ' || cursor.peek() == '\t') {
            cursor.take();
        }
    }
    docstring.last_line = cursor.line();
    docstring.text = clean_docstring(raw_text);
    return docstring;
}

std::string clean_docstring(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        std::string line;
        for (const char c : text.substr(start, end - start)) {
            if (c == '\t') {
                line.append(8 - line.size() % 8, ' ');
            } else {
                line += c;
            }
        }
        lines.push_back(std::move(line));
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    std::size_t margin = std::string::npos;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::size_t indent = lines[i].find_first_not_of(' ');
        if (indent != std::string::npos) {
            margin = std::min(margin, indent);
        }
    }
    const std::size_t first = lines[0].find_first_not_of(' ');
    lines[0] = first == std::string::npos ? "" : lines[0].substr(first);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        lines[i] = margin == std::string::npos || lines[i].size() < margin
                       ? lines[i].substr(std::min(lines[i].size(), lines[i].find_first_not_of(' ')))
                       : lines[i].substr(margin);
    }
    const auto blank = [](const std::string& line) {
        return line.find_first_not_of(" \t") == std::string::npos;
    };
    std::size_t begin = 0;
    std::size_t end = lines.size();
    while (begin < end && blank(lines[begin])) {
        ++begin;
    }
    while (end > begin && blank(lines[end - 1])) {
        --end;
    }
    std::string cleaned;
    for (std::size_t i = begin; i < end; ++i) {
        cleaned += lines[i];
        if (i + 1 < end) {
            cleaned += '\n';
        }
    }
    return cleaned;
}

}  // namespace loopscope::lesson
