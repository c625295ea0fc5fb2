// Literals: numbers, adjacent strings, f-strings and their replacement fields.
#include <algorithm>
#include <string>
#include <utility>

#include "script/syntax/assignment_targets.h"
#include "script/syntax/grammar.h"
#include "script/syntax/string_literal.h"

namespace loopscope::script::grammar {

ExprPtr Parser::parse_number_atom() {
    const Token& token = peek();
    Position from = start();
    NumberValue value = parse_number(token.text);
    if (value.type == NumberType::Imaginary) {
        fail_at(token, "imaginary literals are not supported");
    }
    if (value.type == NumberType::TooLarge && !too_large_literal_) {
        // Reported once the whole file has parsed: a syntax error anywhere comes first, as the
        // literal itself is valid Python.
        too_large_literal_ = Location{token.line, token.column, token.end_line, token.end_column};
    }
    next();
    auto node = make<ast::Constant>();
    if (value.type == NumberType::Float) {
        node->type = ast::Constant::Type::Float;
        node->float_value = value.float_value;
    } else {
        node->type = ast::Constant::Type::Int;
        node->int_value = value.int_value;
    }
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_strings() {
    Position from = start();
    bool any_fstring = false;
    bool any_bytes = false;
    bool any_text = false;
    ExprList parts;  // Constant(Str) and FormattedValue, merged as they come
    std::string bytes;
    const Token* first_token = &peek();
    while (peek().kind == TokenKind::String || peek().kind == TokenKind::FStringStart) {
        const Token& token = peek();
        std::string_view text = token.text;
        std::size_t quote = text.find_first_of("'\"");
        std::string_view prefix = text.substr(0, quote);
        bool is_bytes = prefix.find_first_of("bB") != std::string_view::npos;
        (is_bytes ? any_bytes : any_text) = true;
        if (any_bytes && any_text) {
            fail_at(
                Location{first_token->line, first_token->column, token.end_line, token.end_column},
                "cannot mix bytes and nonbytes literals");
        }
        if (token.kind == TokenKind::FStringStart) {
            any_fstring = true;
            parse_fstring(parts);
            continue;
        }
        next();
        bool raw = prefix.find_first_of("rR") != std::string_view::npos;
        std::size_t quote_size = text.size() - quote >= 6 && text[quote + 1] == text[quote] &&
                                         text[quote + 2] == text[quote]
                                     ? 3
                                     : 1;
        std::string_view body =
            text.substr(quote + quote_size, text.size() - quote - 2 * quote_size);
        std::string value;
        if (raw) {
            value = std::string(body);
            if (is_bytes) {
                for (char c : body) {
                    if (static_cast<unsigned char>(c) >= 0x80) {
                        fail_at(token, "bytes can only contain ASCII literal characters");
                    }
                }
            }
        } else if (auto error = decode_escapes(body, is_bytes, value)) {
            fail_at(token, *error);
        }
        if (is_bytes) {
            bytes += value;
        } else {
            append_literal(parts, std::move(value), token);
        }
    }
    if (any_bytes) {
        auto node = make<ast::Constant>();
        node->type = ast::Constant::Type::Bytes;
        node->str_value = std::move(bytes);
        locate(*node, from);
        return node;
    }
    if (!any_fstring) {
        auto node = make<ast::Constant>();
        node->type = ast::Constant::Type::Str;
        if (!parts.empty()) {
            node->str_value = std::move(ast::as<ast::Constant>(*parts[0]).str_value);
        }
        locate(*node, from);
        return node;
    }
    auto node = make<ast::JoinedStr>();
    for (ExprPtr& part : parts) {
        if (part->kind == ExprKind::Constant && ast::as<ast::Constant>(*part).str_value.empty()) {
            continue;
        }
        node->values.push_back(std::move(part));
    }
    locate(*node, from);
    return node;
}

void Parser::append_literal(ExprList& parts, std::string value, const Token& token) {
    append_literal(parts, std::move(value),
                   Location{token.line, token.column, token.end_line, token.end_column});
}

void Parser::append_literal(ExprList& parts, std::string value, const Location& where) {
    if (!parts.empty() && parts.back()->kind == ExprKind::Constant) {
        auto& previous = ast::as<ast::Constant>(*parts.back());
        previous.str_value += value;
        previous.location.end_line = where.end_line;
        previous.location.end_column = where.end_column;
        return;
    }
    auto constant = make<ast::Constant>();
    constant->type = ast::Constant::Type::Str;
    constant->str_value = std::move(value);
    constant->location = where;
    parts.push_back(std::move(constant));
}

void Parser::parse_fstring(ExprList& parts) {
    const Token& start_token = next();
    std::string_view prefix = start_token.text.substr(0, start_token.text.find_first_of("'\""));
    bool raw = prefix.find_first_of("rR") != std::string_view::npos;
    while (true) {
        const Token& token = peek();
        if (token.kind == TokenKind::FStringEnd) {
            next();
            return;
        }
        if (token.kind == TokenKind::FStringMiddle) {
            next();
            append_literal(parts, decode_fstring_literal(token, raw), token);
            continue;
        }
        if (token.is_op("{")) {
            parse_replacement_field(parts, raw);
            continue;
        }
        fail_generic();
    }
}

std::string Parser::decode_fstring_literal(const Token& token, bool raw) {
    const std::string& literal = tokenized_.fstring_literals[token.literal_index];
    if (raw) {
        return literal;
    }
    std::string value;
    if (auto error = decode_escapes(literal, false, value)) {
        fail_at(token, *error);
    }
    return value;
}

// The expression of a replacement field. When it does not parse, CPython (a PEG parser) names
// what should follow the longest expression that does, or asks for an expression.
ExprPtr Parser::parse_field_expression() {
    std::size_t first = pos_;
    try {
        return at_keyword("yield") ? parse_yield_expression() : parse_star_expressions();
    } catch (const SyntaxErrorThrown& error) {
        if (!error.generic) {
            throw;
        }
    }
    std::size_t after = 0;
    {
        Lookahead lookahead(*this);
        pos_ = first;
        try {
            parse_star_expressions();
            after = pos_;
        } catch (const SyntaxErrorThrown& error) {
            if (error.from_tokenizer) {
                throw;
            }
        }
    }
    if (after == 0) {
        fail_at(tokens_[first], "f-string: expecting a valid expression after '{'");
    }
    const Token& next_token = tokens_[after];
    if (next_token.is_op("=") || next_token.is_op("!") || next_token.is_op(":") ||
        next_token.is_op("}")) {
        fail_generic();  // the expression is fine; something after it is not
    }
    fail_at(next_token, "f-string: expecting '=', or '!', or ':', or '}'");
}

void Parser::parse_replacement_field(ExprList& parts, bool raw) {
    DepthGuard guard(*this);
    const Token& open = next();
    std::size_t open_index = pos_ - 1;
    Position from{open.line, open.column};
    ++bracket_depth_;
    if (at_op("}") || at_op("!") || at_op("=") || at_op(":")) {
        fail_at(peek(),
                "f-string: valid expression required before '" + std::string(peek().text) + "'");
    }
    Position value_from = start();
    ExprPtr value = parse_field_expression();
    if (!at_op("=") && !at_op("!") && !at_op(":") && !at_op("}")) {
        check_missing_comma(value_from);
        fail_at(peek(), "f-string: expecting '=', or '!', or ':', or '}'");
    }
    bool self_documenting = false;
    if (at_op("=")) {
        next();  // =
        if (!at_op("!") && !at_op(":") && !at_op("}")) {
            fail_at(peek(), "f-string: expecting '!', or ':', or '}'");
        }
        self_documenting = true;
        // The source of `{expression=` with the whitespace after it, comments dropped.
        const Token& after = peek();
        std::string text;
        for (std::size_t i = open_index + 1; i <= pos_; ++i) {
            std::string_view gap =
                source_.substr(tokens_[i - 1].end, tokens_[i].start - tokens_[i - 1].end);
            while (!gap.empty()) {
                std::size_t hash = gap.find('#');
                text += gap.substr(0, hash);
                if (hash == std::string_view::npos) {
                    break;
                }
                std::size_t newline = gap.find('\n', hash);
                gap = newline == std::string_view::npos ? std::string_view{} : gap.substr(newline);
            }
            if (i < pos_) {
                text += tokens_[i].text;
            }
        }
        append_literal(parts, std::move(text),
                       Location{open.end_line, open.end_column, after.line, after.column});
    }
    int conversion = -1;
    if (at_op("!")) {
        next();
        const Token& name = peek();
        if (name.kind != TokenKind::Name || name.start != tokens_[pos_ - 1].end ||
            (name.text != "r" && name.text != "s" && name.text != "a")) {
            if (name.kind == TokenKind::Name) {
                fail_at(name, "f-string: invalid conversion character '" + std::string(name.text) +
                                  "': expected 's', 'r', or 'a'");
            }
            fail_at(name, "f-string: missing conversion character");
        }
        conversion = name.text[0];
        next();
        if (peek().kind == TokenKind::FStringEnd) {
            fail_at(Location{name.line, name.column, name.line, name.column},
                    "f-string: expecting '}'");
        }
        if (!at_op(":") && !at_op("}")) {
            fail_at(peek(), "f-string: expecting ':' or '}'");
        }
    }
    ExprPtr format_spec;
    if (at_op(":")) {
        const Token& colon = next();
        auto spec = make<ast::JoinedStr>();
        Position spec_from{colon.line, colon.column};
        ExprList spec_parts;
        while (!at_op("}")) {
            const Token& token = peek();
            if (token.kind == TokenKind::FStringMiddle) {
                next();
                append_literal(spec_parts, decode_fstring_literal(token, raw), token);
            } else if (token.is_op("{")) {
                parse_replacement_field(spec_parts, raw);
            } else if (token.kind == TokenKind::FStringEnd) {
                fail_at(token, "f-string: expecting '}', or format specs");
            } else {
                fail_generic();
            }
        }
        const Token& close = peek();
        if (!spec_parts.empty() && spec_parts.back()->kind == ExprKind::FormattedValue) {
            // CPython 3.12 ends a spec that ends with a field with an empty literal.
            auto empty = make<ast::Constant>();
            empty->type = ast::Constant::Type::Str;
            empty->location = Location{close.line, close.column, close.line, close.column};
            spec_parts.push_back(std::move(empty));
        }
        spec->values = std::move(spec_parts);
        spec->location = Location{spec_from.line, spec_from.column, close.line, close.column};
        format_spec = std::move(spec);
    }
    if (!at_op("}")) {
        const Token& token = peek();
        if (token.kind == TokenKind::FStringEnd || token.kind == TokenKind::Newline ||
            token.kind == TokenKind::EndMarker) {
            fail_at(token, "f-string: expecting '}'");
        }
        fail_generic();
    }
    next();
    --bracket_depth_;
    if (self_documenting && conversion == -1 && !format_spec) {
        conversion = 'r';
    }
    auto node = make<ast::FormattedValue>();
    node->value = std::move(value);
    node->conversion = conversion;
    node->format_spec = std::move(format_spec);
    locate(*node, from);
    parts.push_back(std::move(node));
}

}  // namespace loopscope::script::grammar
