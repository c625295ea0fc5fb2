#pragma once

#include <optional>
#include <string_view>

namespace loopscope::script {

// The code point a `\N{NAME}` escape names (NAME in upper case), for the Unicode blocks listed
// in tests/syntax/cpython/generate_unicode_names.py; nullopt for other names.
std::optional<char32_t> lookup_unicode_name(std::string_view name);

}  // namespace loopscope::script
