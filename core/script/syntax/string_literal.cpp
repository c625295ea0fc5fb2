#include "script/syntax/string_literal.h"

#include <charconv>
#include <limits>
#include <string>

#include "script/syntax/unicode_names.h"
#include "script/syntax/utf8.h"

namespace loopscope::script {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string unicode_error(std::size_t from, std::size_t to, const std::string& reason) {
    std::string position = from + 1 == to
                               ? "position " + std::to_string(from)
                               : "position " + std::to_string(from) + "-" + std::to_string(to - 1);
    return "(unicode error) 'unicodeescape' codec can't decode bytes in " + position + ": " +
           reason;
}

}  // namespace

std::optional<std::string> decode_escapes(std::string_view body, bool is_bytes, std::string& out) {
    out.clear();
    out.reserve(body.size());
    std::size_t i = 0;
    while (i < body.size()) {
        char c = body[i];
        if (c != '\\') {
            if (is_bytes && static_cast<unsigned char>(c) >= 0x80) {
                return std::string("bytes can only contain ASCII literal characters");
            }
            out += c;
            ++i;
            continue;
        }
        std::size_t start = i;
        ++i;
        if (i >= body.size()) {
            if (is_bytes) {
                return std::string("(value error) Trailing \\ in string");
            }
            return unicode_error(start, i, "\\ at end of string");
        }
        char e = body[i++];
        switch (e) {
            case '\n':
                break;
            case '\\':
                out += '\\';
                break;
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7': {
                unsigned value = static_cast<unsigned>(e - '0');
                for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k) {
                    value = value * 8 + static_cast<unsigned>(body[i++] - '0');
                }
                if (is_bytes) {
                    out += static_cast<char>(value & 0xFF);
                } else {
                    out += encode_utf8(value);
                }
                break;
            }
            case 'x':
            case 'u':
            case 'U': {
                if (is_bytes && e != 'x') {
                    out += '\\';
                    out += e;
                    break;
                }
                std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                std::uint32_t value = 0;
                std::size_t k = 0;
                for (; k < digits && i + k < body.size() && hex_value(body[i + k]) >= 0; ++k) {
                    value = value * 16 + static_cast<std::uint32_t>(hex_value(body[i + k]));
                }
                if (k < digits) {
                    if (is_bytes) {
                        return "(value error) invalid \\x escape at position " +
                               std::to_string(start);
                    }
                    std::string reason = e == 'x'   ? "truncated \\xXX escape"
                                         : e == 'u' ? "truncated \\uXXXX escape"
                                                    : "truncated \\UXXXXXXXX escape";
                    return unicode_error(start, i + k, reason);
                }
                i += digits;
                if (is_bytes) {
                    out += static_cast<char>(value);
                } else if (value > 0x10FFFF) {
                    return unicode_error(start, i, "illegal Unicode character");
                } else {
                    out += encode_utf8(value);
                }
                break;
            }
            case 'N': {
                if (is_bytes) {
                    out += "\\N";
                    break;
                }
                std::size_t close = body.find('}', i);
                if (i >= body.size() || body[i] != '{' || close == std::string_view::npos) {
                    return unicode_error(start, i, "malformed \\N character escape");
                }
                std::string_view name = body.substr(i + 1, close - i - 1);
                std::string upper(name);
                for (char& letter : upper) {
                    if (letter >= 'a' && letter <= 'z') {
                        letter = static_cast<char>(letter - 'a' + 'A');
                    }
                }
                std::optional<char32_t> code_point = lookup_unicode_name(upper);
                if (!code_point) {
                    return unicode_error(start, close + 1, "unknown Unicode character name");
                }
                out += encode_utf8(*code_point);
                i = close + 1;
                break;
            }
            default:
                // An unknown escape keeps its backslash (CPython warns, but accepts it).
                out += '\\';
                out += e;
                break;
        }
    }
    return std::nullopt;
}

NumberValue parse_number(std::string_view text) {
    std::string digits;
    digits.reserve(text.size());
    for (char c : text) {
        if (c != '_') {
            digits += c;
        }
    }
    NumberValue result;
    char last = digits.empty() ? '\0' : digits.back();
    if (last == 'j' || last == 'J') {
        result.type = NumberType::Imaginary;
        return result;
    }
    int base = 10;
    std::size_t skip = 0;
    if (digits.size() > 1 && digits[0] == '0') {
        char kind = static_cast<char>(digits[1] | 0x20);
        base = kind == 'x' ? 16 : kind == 'o' ? 8 : kind == 'b' ? 2 : 10;
        skip = base == 10 ? 0 : 2;
    }
    bool is_float = base == 10 && digits.find_first_of(".eE") != std::string::npos;
    if (is_float) {
        result.type = NumberType::Float;
        const char* begin = digits.data();
        const char* end = begin + digits.size();
        if (std::from_chars(begin, end, result.float_value).ec == std::errc::result_out_of_range) {
            // Overflow is infinity in Python; underflow is zero.
            bool overflow = false;
            std::size_t e = digits.find_first_of("eE");
            if (e != std::string::npos && digits[e + 1] != '-') {
                overflow = true;
            }
            result.float_value = overflow ? std::numeric_limits<double>::infinity() : 0.0;
        }
        return result;
    }
    std::uint64_t value = 0;
    const std::uint64_t limit =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    for (std::size_t i = skip; i < digits.size(); ++i) {
        auto digit = static_cast<std::uint64_t>(hex_value(digits[i]));
        if (value > (limit - digit) / static_cast<std::uint64_t>(base)) {
            result.type = NumberType::TooLarge;
            return result;
        }
        value = value * static_cast<std::uint64_t>(base) + digit;
    }
    result.int_value = static_cast<std::int64_t>(value);
    return result;
}

}  // namespace loopscope::script
