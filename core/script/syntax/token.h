#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace loopscope::script {

// The tokens of Python 3.12's tokenizer (Lib/token.py), as far as the subset needs them.
// f-strings are split as PEP 701 does: FStringStart, then FStringMiddle literal parts and the
// tokens of each replacement field between `{` and `}`, then FStringEnd.
enum class TokenKind : std::uint8_t {
    Name,
    Number,
    String,
    FStringStart,
    FStringMiddle,
    FStringEnd,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
    Error,  // the tokenizer gave up here; the parser reports `error_message` when it reaches it
};

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    // FStringMiddle: index of its text in TokenizedSource::fstring_literals.
    std::uint32_t literal_index = 0;
    std::uint32_t line = 0;    // 1-based
    std::uint32_t column = 0;  // 0-based, UTF-8 bytes
    std::uint32_t end_line = 0;
    std::uint32_t end_column = 0;
    std::size_t start = 0;  // byte offsets in the source
    std::size_t end = 0;
    std::string_view text;  // the source bytes

    bool is_op(std::string_view op) const { return kind == TokenKind::Op && spells(op); }
    bool is_name(std::string_view name) const { return kind == TokenKind::Name && spells(name); }

    // text == word, inline: the parser asks this for every token at every precedence level.
    bool spells(std::string_view word) const {
        if (text.size() != word.size()) {
            return false;
        }
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (text[i] != word[i]) {
                return false;
            }
        }
        return true;
    }
};

}  // namespace loopscope::script
