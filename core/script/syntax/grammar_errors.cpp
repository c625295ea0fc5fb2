// Errors in CPython's words and places, and the look-aheads that find the specific ones.
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "script/syntax/assignment_targets.h"
#include "script/syntax/grammar.h"

namespace loopscope::script::grammar {

SyntaxErrorThrown token_error(const TokenizerError& token) {
    SyntaxErrorThrown error{token.type.empty() ? "SyntaxError" : token.type,
                            token.message,
                            token.line,
                            token.column,
                            token.end_line,
                            token.end_column};
    error.from_tokenizer = true;
    return error;
}

bool is_keyword(std::string_view word) {
    // Keywords are short and start with a lowercase letter or F, N, T: most names fail fast.
    if (word.size() < 2 || word.size() > 8 ||
        !((word[0] >= 'a' && word[0] <= 'y') || word[0] == 'F' || word[0] == 'N' ||
          word[0] == 'T')) {
        return false;
    }
    static constexpr std::array<std::string_view, 35> kKeywords = {
        "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
        "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
        "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
        "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
    for (std::string_view keyword : kKeywords) {
        if (keyword == word) {
            return true;
        }
    }
    return false;
}

void Parser::check_nesting(int chain) const {
    if (depth_ + chain > kMaxNesting) {
        throw SyntaxErrorThrown{
            "RecursionError", "maximum recursion depth exceeded during compilation", 0, 0, 0, 0};
    }
}

void Parser::fail_at(const Token& token, std::string message, std::string type) {
    if (token.kind == TokenKind::Dedent || token.kind == TokenKind::EndMarker) {
        // CPython places a DEDENT one column before the dedented line's first character,
        // and gives it no end; at the end of the file, before the last line.
        throw SyntaxErrorThrown{std::move(type), std::move(message),
                                token.line,      static_cast<std::int32_t>(token.column) - 1,
                                token.line,      -2};
    }
    throw SyntaxErrorThrown{std::move(type), std::move(message),
                            token.line,      static_cast<std::int32_t>(token.column),
                            token.end_line,  static_cast<std::int32_t>(token.end_column)};
}

void Parser::fail_at(const Location& where, std::string message) {
    throw SyntaxErrorThrown{"SyntaxError",  std::move(message),
                            where.line,     static_cast<std::int32_t>(where.column),
                            where.end_line, static_cast<std::int32_t>(where.end_column)};
}

void Parser::fail_range(const Location& from, const Location& to, std::string message) {
    throw SyntaxErrorThrown{"SyntaxError", std::move(message),
                            from.line,     static_cast<std::int32_t>(from.column),
                            to.end_line,   static_cast<std::int32_t>(to.end_column)};
}

void Parser::fail_generic() {
    look_ahead_from_furthest();
    const Token& token = tokens_[furthest_];
    if (token.kind == TokenKind::Indent) {
        fail_unexpected_indent();
    }
    if (token.kind == TokenKind::Dedent) {
        // Placed as CPython places a DEDENT: before the dedented line's first character.
        SyntaxErrorThrown error{"IndentationError", "unexpected unindent",
                                token.line,         static_cast<std::int32_t>(token.column) - 1,
                                token.line,         -2};
        error.from_tokenizer = true;
        throw error;
    }
    SyntaxErrorThrown error{"SyntaxError",  "invalid syntax",
                            token.line,     static_cast<std::int32_t>(token.column),
                            token.end_line, static_cast<std::int32_t>(token.end_column)};
    error.generic = true;
    throw error;
}

void Parser::look_ahead_from_furthest() {
    if (in_lookahead() || furthest_ == 0 || !ends_expression(tokens_[furthest_ - 1])) {
        return;
    }
    Lookahead lookahead(*this);
    pos_ = furthest_;
    try {
        if (can_start_expression()) {
            parse_expression();
        }
    } catch (const SyntaxErrorThrown& error) {
        if (error.from_tokenizer) {
            throw;
        }
    }
}

bool Parser::ends_expression(const Token& token) {
    switch (token.kind) {
        case TokenKind::Name:
            return !is_keyword(token.text) || token.text == "None" || token.text == "True" ||
                   token.text == "False";
        case TokenKind::Number:
        case TokenKind::String:
        case TokenKind::FStringEnd:
            return true;
        case TokenKind::Op:
            return token.text == ")" || token.text == "]" || token.text == "}";
        default:
            return false;
    }
}

void Parser::fail_unexpected_indent() {
    const Token& token = tokens_[std::max(pos_, furthest_)];
    std::uint32_t line = token.line;
    auto column = static_cast<std::int32_t>(token.column) - 1;
    if (token.kind != TokenKind::Indent) {
        column = 0;
    }
    // Final: CPython reports it before looking for tokenizer errors further on.
    SyntaxErrorThrown error{"IndentationError", "unexpected indent", line, column, line, -2};
    error.from_tokenizer = true;
    throw error;
}

void Parser::look_ahead_for_tokenizer_error() {
    if (in_lookahead() || !can_start_expression()) {
        return;
    }
    Lookahead lookahead(*this);
    try {
        parse_expression();
    } catch (const SyntaxErrorThrown& error) {
        if (error.from_tokenizer) {
            throw;
        }
    }
}

void Parser::check_legacy_print(const ast::Expr& first) {
    if (in_lookahead() || first.kind != ExprKind::Name) {
        return;
    }
    const std::string& id = ast::as<ast::Name>(first).id;
    if (id != "print" && id != "exec") {
        return;
    }
    Lookahead lookahead(*this);
    ExprPtr argument;
    try {
        argument = parse_star_expressions();
    } catch (const SyntaxErrorThrown& error) {
        if (error.from_tokenizer) {
            throw;
        }
        return;
    }
    fail_range(first.location, argument->location,
               "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
}

void Parser::check_assignment_targets(const ExprList& chain, const std::vector<bool>& bare_yield) {
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        const ast::Expr& target = *chain[i];
        if (bare_yield[i]) {
            fail_at(target.location, "assignment to yield expression not possible");
        }
        const ast::Expr* bad = invalid_target(target, TargetsType::Star);
        if (bad == nullptr) {
            continue;
        }
        bool suggest_comparison = i == 0 && chain.size() == 2 && target.kind != ExprKind::List &&
                                  target.kind != ExprKind::Tuple &&
                                  target.kind != ExprKind::GeneratorExp &&
                                  !is_constant_named(target) && is_bitwise_or_level(target) &&
                                  is_bitwise_or_level(*chain[1]);
        if (suggest_comparison) {
            fail_at(target.location, std::string("cannot assign to ") + expr_name(target) +
                                         " here. Maybe you meant '==' instead of '='?");
        }
        fail_at(bad->location, std::string("cannot assign to ") + expr_name(*bad));
    }
}

bool Parser::annotation_follows() {
    Lookahead lookahead(*this);
    try {
        next();  // ':'
        parse_expression();
    } catch (const SyntaxErrorThrown& error) {
        if (error.from_tokenizer) {
            throw;
        }
        return false;
    }
    return true;
}

void Parser::check_mistaken_assignment(const ast::Expr& e) {
    if (in_lookahead()) {
        return;
    }
    ExprPtr value;
    {
        Lookahead lookahead(*this);
        try {
            next();
            value = parse_bitwise_or();
        } catch (const SyntaxErrorThrown& error) {
            if (error.from_tokenizer) {
                throw;
            }
            return;
        }
        if (at_op("=") || at_op(":=")) {
            return;
        }
    }
    if (e.kind == ExprKind::Name) {
        fail_range(e.location, value->location,
                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (e.kind != ExprKind::List && e.kind != ExprKind::Tuple && e.kind != ExprKind::GeneratorExp &&
        !is_constant_named(e) && is_bitwise_or_level(e)) {
        fail_at(e.location, std::string("cannot assign to ") + expr_name(e) +
                                " here. Maybe you meant '==' instead of '='?");
    }
}

void Parser::check_missing_comma(Position element_from) {
    if (in_lookahead() || bracket_depth_ == 0 || !can_start_expression() || at_op("*") ||
        at_op("**") || at_op("-") || at_op("+")) {
        return;
    }
    const Token& previous = tokens_[pos_ - 1];
    const Token& current = peek();
    if (current.kind == TokenKind::String && previous.kind == TokenKind::Name) {
        return;
    }
    ExprPtr second;
    {
        Lookahead lookahead(*this);
        try {
            second = parse_expression_prefix();
        } catch (const SyntaxErrorThrown& error) {
            if (error.from_tokenizer) {
                throw;  // reaching a tokenizer error while looking ahead reports it
            }
        }
    }
    Location from{element_from.line, element_from.column, element_from.line, element_from.column};
    if (second) {
        fail_range(from, second->location, "invalid syntax. Perhaps you forgot a comma?");
    }
    // A PEG parser would keep the longest expression that parses; a name, number or string
    // alone is one, whatever follows it.
    const Token& token = peek();
    bool operand = token.kind == TokenKind::Number || token.kind == TokenKind::String ||
                   (token.kind == TokenKind::Name && ends_expression(token));
    if (operand) {
        fail_range(from, Location{token.line, token.column, token.end_line, token.end_column},
                   "invalid syntax. Perhaps you forgot a comma?");
    }
}

ExprPtr Parser::parse_expression_prefix() {
    if (at_keyword("lambda")) {
        return parse_lambda();
    }
    ExprPtr body = parse_disjunction();
    if (!at_keyword("if")) {
        return body;
    }
    std::size_t saved = pos_;
    Position saved_end = last_end_;
    try {
        Position from{body->location.line, body->location.column};
        next();
        ExprPtr test = parse_disjunction();
        expect_keyword("else");
        auto node = make<ast::IfExp>();
        node->body = std::move(body);
        node->test = std::move(test);
        node->orelse = parse_expression();
        locate(*node, from);
        return node;
    } catch (const SyntaxErrorThrown& error) {
        if (error.from_tokenizer) {
            throw;
        }
    }
    pos_ = saved;
    last_end_ = saved_end;
    return body;
}

void Parser::check_value_after_colon() {
    if (at_op("}") || at_op(",")) {
        fail_at(tokens_[pos_ - 1], "expression expected after dictionary key and ':'");
    }
}

}  // namespace loopscope::script::grammar
