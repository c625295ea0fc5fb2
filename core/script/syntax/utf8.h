#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::script {

// UTF-8 as the tokenizer needs it: positions are bytes, CPython's error offsets are characters.
struct Utf8CodePoint {
    char32_t value = 0;
    std::size_t length = 1;  // bytes; an invalid byte decodes as itself with length 1
};

Utf8CodePoint decode_utf8(std::string_view text, std::size_t offset);
std::string encode_utf8(char32_t code_point);

// Where the first invalid byte is, if `text` is not valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Characters in the first `byte_count` bytes of `text`.
std::size_t count_characters(std::string_view text, std::size_t byte_count);

// An approximation of Unicode's XID_Continue for code points >= 0x80: letters, marks and digits
// of the scripts, not the punctuation, symbol and space blocks.
bool is_identifier_code_point(char32_t code_point);
bool is_printable_code_point(char32_t code_point);

}  // namespace loopscope::script
