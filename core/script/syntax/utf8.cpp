#include "script/syntax/utf8.h"

namespace loopscope::script {

Utf8CodePoint decode_utf8(std::string_view text, std::size_t offset) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[offset + i]); };
    unsigned char first = byte(0);
    if (first < 0x80) {
        return {first, 1};
    }
    std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    if (length == 1 || offset + length > text.size()) {
        return {first, 1};
    }
    char32_t value = first & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) {
            return {first, 1};
        }
        value = (value << 6) | (byte(i) & 0x3F);
    }
    return {value, length};
}

std::string encode_utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto first = static_cast<unsigned char>(text[i]);
        if (first < 0x80) {
            ++i;
            continue;
        }
        Utf8CodePoint cp = decode_utf8(text, i);
        bool overlong = (cp.length == 2 && cp.value < 0x80) ||
                        (cp.length == 3 && cp.value < 0x800) ||
                        (cp.length == 4 && (cp.value < 0x10000 || cp.value > 0x10FFFF));
        bool surrogate = cp.value >= 0xD800 && cp.value <= 0xDFFF;
        if (cp.length == 1 || overlong || surrogate) {
            return i;
        }
        i += cp.length;
    }
    return std::nullopt;
}

std::size_t count_characters(std::string_view text, std::size_t byte_count) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < byte_count && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++count;
        }
    }
    if (byte_count > text.size()) {
        count += byte_count - text.size();
    }
    return count;
}

bool is_identifier_code_point(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '_';
    }
    if (cp < 0xC0) {
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7;
    }
    if (cp == 0xD7 || cp == 0xF7) {
        return false;
    }
    struct Range {
        char32_t first;
        char32_t last;
    };
    // Blocks of punctuation, symbols, spaces and emoji.
    static constexpr Range kExcluded[] = {
        {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}, {0x2190, 0x2BFF}, {0x2E00, 0x2E7F},
        {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0xD800, 0xDFFF}, {0xE000, 0xF8FF},
        {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F}, {0xFE50, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF00, 0xFF0F},
        {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
    };
    for (const Range& range : kExcluded) {
        if (cp >= range.first && cp <= range.last) {
            // Connector punctuation (‿ ⁀ ⁔) continues identifiers.
            return cp == 0x203F || cp == 0x2040 || cp == 0x2054;
        }
    }
    return true;
}

bool is_printable_code_point(char32_t cp) {
    if (cp < 0x20 || cp == 0x7F) {
        return false;
    }
    if (cp >= 0x80 && cp < 0xA0) {
        return false;
    }
    if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
    }
    if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A)) {
        return false;  // separators are not printable either (str.isprintable)
    }
    return true;
}

}  // namespace loopscope::script
