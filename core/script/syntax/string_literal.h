#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::script {

// Turning literal tokens into values, with CPython's words when a literal is malformed.

// Decodes the escapes of a string or bytes literal's body (the text between the quotes). On
// failure returns CPython's message, e.g. "(unicode error) 'unicodeescape' codec can't decode
// bytes in position 0-1: truncated \xXX escape".
std::optional<std::string> decode_escapes(std::string_view body, bool is_bytes, std::string& out);

enum class NumberType : std::uint8_t { Int, Float, Imaginary, TooLarge };
struct NumberValue {
    NumberType type = NumberType::Int;
    std::int64_t int_value = 0;
    double float_value = 0.0;
};
// `text` is a Number token the tokenizer accepted.
NumberValue parse_number(std::string_view text);

}  // namespace loopscope::script
