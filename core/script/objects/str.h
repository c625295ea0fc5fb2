#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/script/objects/object.h"

namespace loopscope::script {

// A Python str: immutable UTF-8 text. Length and indexing count code points; ASCII strings (the
// common case) index bytes directly. The hash is computed once.
struct StrObject : Object {
    StrObject(TypeObject* str_type, std::string text_);

    const std::string text;
    const bool ascii;  // every byte < 0x80: code point i is byte i
    std::int64_t code_points() const { return length_; }
    std::int64_t hash() const;  // cached
    // Byte offset of code point `index` (0 <= index <= code_points()).
    std::size_t byte_offset(std::int64_t index) const;

private:
    std::int64_t length_;
    mutable std::int64_t hash_ = -1;
    mutable bool hashed_ = false;
};

Value make_str(Runtime& rt, std::string utf8);
Value make_str(Runtime& rt, std::string_view utf8);
Value make_str(Runtime& rt, const char* utf8);
bool is_str(Runtime& rt, const Value& v);  // str or a subclass
// The text of a str Value; the caller has checked is_str.
inline std::string_view str_view(const Value& v) {
    return v.as<StrObject>()->text;
}
// The text, or TypeError with `what` ("join() argument must be str ..." is the caller's job):
// raises "expected str, got int" style message built from `context`.
std::string_view expect_str(Runtime& rt, const Value& v, std::string_view context);

// repr of a str with CPython's quote choice (' unless the text has ' and no ") and escapes.
std::string str_repr(std::string_view utf8);
// Code points of UTF-8 text (for len, slicing of non-ASCII strings, ord ...).
std::int64_t utf8_length(std::string_view utf8);
// Appends code point `cp` as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);
// Decodes the code point starting at byte `i`, advancing i.
std::uint32_t decode_utf8(std::string_view s, std::size_t& i);

}  // namespace loopscope::script
