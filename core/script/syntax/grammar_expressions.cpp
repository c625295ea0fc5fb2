// Expressions, by precedence from starred tuples down to atoms and displays.
#include <algorithm>
#include <string>
#include <utility>

#include "script/syntax/assignment_targets.h"
#include "script/syntax/grammar.h"

namespace loopscope::script::grammar {

ExprPtr Parser::parse_star_expressions() {
    Position from = start();
    ExprPtr first = parse_star_expression();
    if (!at_op(",")) {
        return first;
    }
    auto tuple = make<ast::Tuple>();
    tuple->elts.push_back(std::move(first));
    while (accept_op(",")) {
        if (!can_start_expression()) {
            break;
        }
        tuple->elts.push_back(parse_star_expression());
    }
    locate(*tuple, from);
    return tuple;
}

bool Parser::can_start_expression() {
    const Token& token = peek();
    switch (token.kind) {
        case TokenKind::Name:
            if (!is_keyword(token.text)) {
                return true;
            }
            return token.text == "None" || token.text == "True" || token.text == "False" ||
                   token.text == "not" || token.text == "lambda" || token.text == "await" ||
                   token.text == "yield";
        case TokenKind::Number:
        case TokenKind::String:
        case TokenKind::FStringStart:
            return true;
        case TokenKind::Op: {
            std::string_view t = token.text;
            return t == "(" || t == "[" || t == "{" || t == "-" || t == "+" || t == "~" ||
                   t == "*" || t == "..." || t == "**";
        }
        default:
            return false;
    }
}

ExprPtr Parser::parse_star_expression() {
    if (at_op("*")) {
        Position from = start();
        next();
        auto node = make<ast::Starred>();
        node->value = parse_bitwise_or();
        locate(*node, from);
        return node;
    }
    return parse_expression();
}

ExprPtr Parser::parse_star_named_expression() {
    if (at_op("*")) {
        Position from = start();
        next();
        auto node = make<ast::Starred>();
        node->value = parse_bitwise_or();
        locate(*node, from);
        return node;
    }
    return parse_named_expression();
}

ExprPtr Parser::parse_named_expression() {
    Position from = start();
    ExprPtr e = parse_expression();
    if (at_op(":=")) {
        if (e->kind != ExprKind::Name) {
            fail_at(e->location,
                    std::string("cannot use assignment expressions with ") + expr_name(*e));
        }
        next();
        auto node = make<ast::NamedExpr>();
        set_context(*e, ast::ExprContext::Store);
        node->target = std::move(e);
        node->value = parse_expression();
        locate(*node, from);
        return node;
    }
    if (at_op("=")) {
        check_mistaken_assignment(*e);
    }
    return e;
}

ExprPtr Parser::parse_expression() {
    if (at_keyword("lambda")) {
        return parse_lambda();
    }
    Position from = start();
    ExprPtr body = parse_disjunction();
    if (!at_keyword("if")) {
        return body;
    }
    next();
    ExprPtr test = parse_disjunction();
    if (!accept_keyword("else")) {
        if (at_op(":")) {
            fail_generic();  // `el if x:` reads as a broken statement, not a broken expression
        }
        fail_range(body->location, test->location, "expected 'else' after 'if' expression");
    }
    DepthGuard guard(*this);
    auto node = make<ast::IfExp>();
    node->body = std::move(body);
    node->test = std::move(test);
    node->orelse = parse_expression();
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_lambda() {
    DepthGuard guard(*this);
    Position from = start();
    next();
    auto node = make<ast::Lambda>();
    node->args = parse_parameters(":", false);
    expect_op(":");
    node->body = parse_expression();
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_disjunction() {
    Position from = start();
    ExprPtr first = parse_conjunction();
    if (!at_keyword("or")) {
        return first;
    }
    auto node = make<ast::BoolOpExpr>();
    node->op = ast::BoolOp::Or;
    node->values.push_back(std::move(first));
    while (accept_keyword("or")) {
        node->values.push_back(parse_conjunction());
    }
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_conjunction() {
    Position from = start();
    ExprPtr first = parse_inversion();
    if (!at_keyword("and")) {
        return first;
    }
    auto node = make<ast::BoolOpExpr>();
    node->op = ast::BoolOp::And;
    node->values.push_back(std::move(first));
    while (accept_keyword("and")) {
        node->values.push_back(parse_inversion());
    }
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_inversion() {
    if (at_keyword("not")) {
        DepthGuard guard(*this);
        Position from = start();
        next();
        auto node = make<ast::UnaryOpExpr>();
        node->op = ast::UnaryOp::Not;
        node->operand = parse_inversion();
        locate(*node, from);
        return node;
    }
    return parse_comparison();
}

bool Parser::comparison_operator(ast::CompareOp& op) {
    const Token& token = peek();
    if (token.kind == TokenKind::Op) {
        std::string_view t = token.text;
        if (t == "==")
            op = ast::CompareOp::Eq;
        else if (t == "!=")
            op = ast::CompareOp::NotEq;
        else if (t == "<")
            op = ast::CompareOp::Lt;
        else if (t == "<=")
            op = ast::CompareOp::LtE;
        else if (t == ">")
            op = ast::CompareOp::Gt;
        else if (t == ">=")
            op = ast::CompareOp::GtE;
        else
            return false;
        next();
        return true;
    }
    if (token.is_name("in")) {
        op = ast::CompareOp::In;
        next();
        return true;
    }
    if (token.is_name("is")) {
        next();
        op = accept_keyword("not") ? ast::CompareOp::IsNot : ast::CompareOp::Is;
        return true;
    }
    if (token.is_name("not") && peek(1).is_name("in")) {
        next();
        next();
        op = ast::CompareOp::NotIn;
        return true;
    }
    return false;
}

ExprPtr Parser::parse_comparison() {
    Position from = start();
    ExprPtr first = parse_bitwise_or();
    ast::CompareOp op{};
    std::size_t saved = pos_;
    Position saved_end = last_end_;
    if (!comparison_operator(op)) {
        return first;
    }
    auto node = make<ast::Compare>();
    node->left = std::move(first);
    do {
        try {
            node->comparators.push_back(parse_bitwise_or());
        } catch (const SyntaxErrorThrown& error) {
            if (!in_lookahead() || error.from_tokenizer) {
                throw;
            }
            // A look-ahead keeps the longest expression that parses, as a PEG parser does.
            pos_ = saved;
            last_end_ = saved_end;
            if (node->comparators.empty()) {
                return std::move(node->left);
            }
            break;
        }
        node->ops.push_back(op);
        saved = pos_;
        saved_end = last_end_;
    } while (comparison_operator(op));
    locate(*node, from);
    return node;
}

bool Parser::binary_operator(const Token& token, int level, ast::BinaryOp& op) {
    if (token.kind != TokenKind::Op) {
        return false;
    }
    std::string_view t = token.text;
    switch (level) {
        case 0:
            op = ast::BinaryOp::BitOr;
            return t == "|";
        case 1:
            op = ast::BinaryOp::BitXor;
            return t == "^";
        case 2:
            op = ast::BinaryOp::BitAnd;
            return t == "&";
        case 3:
            op = t == "<<" ? ast::BinaryOp::LShift : ast::BinaryOp::RShift;
            return t == "<<" || t == ">>";
        case 4:
            op = t == "+" ? ast::BinaryOp::Add : ast::BinaryOp::Sub;
            return t == "+" || t == "-";
        default:
            if (t == "*")
                op = ast::BinaryOp::Mult;
            else if (t == "/")
                op = ast::BinaryOp::Div;
            else if (t == "//")
                op = ast::BinaryOp::FloorDiv;
            else if (t == "%")
                op = ast::BinaryOp::Mod;
            else if (t == "@")
                op = ast::BinaryOp::MatMult;
            else
                return false;
            return true;
    }
}

ExprPtr Parser::parse_binary(int level) {
    if (level > 5) {
        return parse_factor();
    }
    Position from = start();
    ExprPtr left = parse_binary(level + 1);
    ast::BinaryOp op{};
    int chain = 0;
    while (binary_operator(peek(), level, op)) {
        check_nesting(++chain);
        std::size_t saved = pos_;
        Position saved_end = last_end_;
        next();
        auto node = make<ast::BinOpExpr>();
        node->left = std::move(left);
        node->op = op;
        try {
            node->right = parse_binary(level + 1);
        } catch (const SyntaxErrorThrown& error) {
            if (!in_lookahead() || error.from_tokenizer) {
                throw;
            }
            // A look-ahead keeps the longest expression that parses, as a PEG parser does.
            pos_ = saved;
            last_end_ = saved_end;
            return std::move(node->left);
        }
        locate(*node, from);
        left = std::move(node);
    }
    return left;
}

ExprPtr Parser::parse_factor() {
    const Token& token = peek();
    if (token.is_op("-") || token.is_op("+") || token.is_op("~")) {
        DepthGuard guard(*this);
        Position from = start();
        next();
        auto node = make<ast::UnaryOpExpr>();
        node->op = token.text == "-"   ? ast::UnaryOp::USub
                   : token.text == "+" ? ast::UnaryOp::UAdd
                                       : ast::UnaryOp::Invert;
        node->operand = parse_factor();
        locate(*node, from);
        return node;
    }
    return parse_power();
}

ExprPtr Parser::parse_power() {
    Position from = start();
    ExprPtr base = parse_await_primary();
    if (!at_op("**")) {
        return base;
    }
    next();
    DepthGuard guard(*this);
    auto node = make<ast::BinOpExpr>();
    node->left = std::move(base);
    node->op = ast::BinaryOp::Pow;
    node->right = parse_factor();
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_await_primary() {
    if (at_keyword("await")) {
        DepthGuard guard(*this);
        Position from = start();
        next();
        auto node = make<ast::Await>();
        node->value = parse_primary();
        locate(*node, from);
        return node;
    }
    return parse_primary();
}

ExprPtr Parser::parse_primary() {
    Position from = start();
    ExprPtr e = parse_atom();
    int chain = 0;
    while (true) {
        const Token& token = peek();
        if (token.is_op(".") || token.is_op("(") || token.is_op("[")) {
            check_nesting(++chain);
        }
        if (token.is_op(".")) {
            next();
            auto node = make<ast::Attribute>();
            node->value = std::move(e);
            node->attr = expect_name();
            locate(*node, from);
            e = std::move(node);
        } else if (token.is_op("(") || token.is_op("[")) {
            Location before = e->location;
            std::size_t saved = pos_;
            Position saved_end = last_end_;
            int saved_brackets = bracket_depth_;
            try {
                e = token.is_op("(") ? parse_call(std::move(e), from)
                                     : parse_subscript(std::move(e), from);
            } catch (const SyntaxErrorThrown& error) {
                if (!in_lookahead() || error.from_tokenizer) {
                    throw;
                }
                // A look-ahead keeps the longest primary that parses, as a PEG parser does;
                // only its extent matters there.
                pos_ = saved;
                last_end_ = saved_end;
                bracket_depth_ = saved_brackets;
                auto stand_in = make<ast::Name>();
                stand_in->location = before;
                return stand_in;
            }
        } else {
            return e;
        }
    }
}

ExprPtr Parser::parse_call(ExprPtr func, Position from) {
    DepthGuard guard(*this);
    Position call_from = start();
    next();
    ++bracket_depth_;
    auto node = make<ast::Call>();
    node->func = std::move(func);
    parse_call_arguments(node->args, node->keywords, true);
    expect_op(")");
    --bracket_depth_;
    locate(*node, from);
    fix_lone_generator_location(*node, call_from);
    return node;
}

ExprPtr Parser::parse_subscript(ExprPtr value, Position from) {
    DepthGuard guard(*this);
    next();
    ++bracket_depth_;
    auto node = make<ast::Subscript>();
    node->value = std::move(value);
    node->slice = parse_slices();
    expect_op("]");
    --bracket_depth_;
    locate(*node, from);
    return node;
}

void Parser::fix_lone_generator_location(ast::Call& call, Position open) {
    if (call.args.size() == 1 && call.keywords.empty() &&
        call.args[0]->kind == ExprKind::GeneratorExp &&
        call.args[0]->location.column == std::uint32_t(-1)) {
        call.args[0]->location.line = open.line;
        call.args[0]->location.column = open.column;
        call.args[0]->location.end_line = call.location.end_line;
        call.args[0]->location.end_column = call.location.end_column;
    }
}

void Parser::parse_call_arguments(ExprList& args, std::vector<ast::Keyword>& keywords,
                                  bool allow_generator) {
    bool seen_keyword = false;
    bool seen_double_star = false;
    std::size_t count = 0;
    // CPython checks the order once all arguments are parsed, and reports the token after.
    std::string pending_error;
    while (!at_op(")")) {
        ++count;
        Position from = start();
        Position element_from = from;  // where a value starts, after any `*` or `**`
        const Token& token = peek();
        if (token.is_op("**")) {
            next();
            element_from = start();
            ast::Keyword keyword;
            keyword.value = parse_expression();
            keyword.location = span_from(from);
            check_assignment_to_unpacking(from, "keyword");
            keywords.push_back(std::move(keyword));
            seen_double_star = true;
        } else if (token.is_op("*")) {
            const Token& star = token;
            next();
            element_from = start();
            auto starred = make<ast::Starred>();
            starred->value = parse_expression();
            locate(*starred, from);
            check_assignment_to_unpacking(from, "iterable");
            if (seen_double_star) {
                fail_at(star,
                        "iterable argument unpacking follows keyword argument "
                        "unpacking");
            }
            args.push_back(std::move(starred));
        } else if ((token.is_name("True") || token.is_name("False") || token.is_name("None")) &&
                   peek(1).is_op("=")) {
            // f(True=1)
            const Token& equals = peek(1);
            fail_range(Location{token.line, token.column, token.end_line, token.end_column},
                       Location{equals.line, equals.column, equals.end_line, equals.end_column},
                       "cannot assign to " + std::string(token.text));
        } else if (token.kind == TokenKind::Name && !is_keyword(token.text) && peek(1).is_op("=")) {
            ast::Keyword keyword;
            keyword.arg = std::string(token.text);
            next();
            next();
            element_from = start();
            keyword.value = parse_expression();
            keyword.location = span_from(from);
            keywords.push_back(std::move(keyword));
            seen_keyword = true;
        } else {
            ExprPtr value = parse_named_expression_in_call();
            if (at_keyword("for") || at_keyword("async")) {
                ExprPtr generator = parse_generator_tail(std::move(value), from);
                bool alone = count == 1 && (at_op(")") || (at_op(",") && peek(1).is_op(")")));
                if (!alone || !allow_generator) {
                    fail_at(generator->location, "Generator expression must be parenthesized");
                }
                generator->location.column = std::uint32_t(-1);  // fixed by the caller
                args.push_back(std::move(generator));
            } else {
                if (at_op("=")) {
                    const Token& equals = peek();
                    fail_range(
                        value->location,
                        Location{equals.line, equals.column, equals.end_line, equals.end_column},
                        "expression cannot contain assignment, perhaps you meant "
                        "\"==\"?");
                }
                if (seen_double_star && pending_error.empty()) {
                    pending_error = "positional argument follows keyword argument unpacking";
                }
                if (seen_keyword && pending_error.empty()) {
                    pending_error = "positional argument follows keyword argument";
                }
                args.push_back(std::move(value));
            }
        }
        if (!accept_op(",")) {
            if (!at_op(")")) {
                check_missing_comma(element_from);
            }
            break;
        }
    }
    if (!pending_error.empty()) {
        fail_at(peek(), pending_error);
    }
}

void Parser::check_assignment_to_unpacking(Position star, const char* kind) {
    if (!at_op("=")) {
        return;
    }
    ExprPtr value;
    {
        Lookahead lookahead(*this);
        try {
            next();
            value = parse_expression();
        } catch (const SyntaxErrorThrown& error) {
            if (error.from_tokenizer) {
                throw;
            }
            return;
        }
    }
    fail_range(Location{star.line, star.column, star.line, star.column}, value->location,
               std::string("cannot assign to ") + kind + " argument unpacking");
}

ExprPtr Parser::parse_named_expression_in_call() {
    Position from = start();
    ExprPtr e = parse_expression();
    if (at_op(":=")) {
        if (e->kind != ExprKind::Name) {
            fail_at(e->location,
                    std::string("cannot use assignment expressions with ") + expr_name(*e));
        }
        next();
        auto node = make<ast::NamedExpr>();
        set_context(*e, ast::ExprContext::Store);
        node->target = std::move(e);
        node->value = parse_expression();
        locate(*node, from);
        return node;
    }
    return e;
}

ExprPtr Parser::parse_slices() {
    Position from = start();
    ExprPtr first = parse_slice();
    if (!at_op(",") && !at_op("]")) {
        check_missing_comma(from);
    }
    if (!at_op(",") && first->kind != ExprKind::Starred) {
        return first;
    }
    auto tuple = make<ast::Tuple>();
    tuple->elts.push_back(std::move(first));
    while (accept_op(",")) {
        if (at_op("]")) {
            break;
        }
        tuple->elts.push_back(parse_slice());
    }
    locate(*tuple, from);
    return tuple;
}

ExprPtr Parser::parse_slice() {
    Position from = start();
    if (at_op("*")) {
        return parse_star_expression();
    }
    ExprPtr lower;
    if (!at_op(":")) {
        lower = parse_named_expression();
        if (!at_op(":")) {
            return lower;
        }
    }
    next();  // ':'
    auto node = make<ast::Slice>();
    node->lower = std::move(lower);
    if (!at_op(":") && !at_op("]") && !at_op(",")) {
        node->upper = parse_expression();
    }
    if (accept_op(":")) {
        if (!at_op("]") && !at_op(",")) {
            node->step = parse_expression();
        }
    }
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_yield_expression() {
    Position from = start();
    next();  // yield
    if (accept_keyword("from")) {
        auto node = make<ast::YieldFrom>();
        node->value = parse_expression();
        locate(*node, from);
        return node;
    }
    auto node = make<ast::Yield>();
    if (can_start_expression() && !at_op("**")) {
        node->value = parse_star_expressions();
    }
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_atom() {
    const Token& token = peek();
    Position from = start();
    switch (token.kind) {
        case TokenKind::Name: {
            std::string_view word = token.text;
            if (word == "None" || word == "True" || word == "False") {
                next();
                auto node = make<ast::Constant>();
                node->type = word == "None"   ? ast::Constant::Type::None
                             : word == "True" ? ast::Constant::Type::True
                                              : ast::Constant::Type::False;
                locate(*node, from);
                return node;
            }
            if (is_keyword(word)) {
                fail_generic();
            }
            next();
            auto node = make<ast::Name>();
            node->id = std::string(word);
            locate(*node, from);
            return node;
        }
        case TokenKind::Number:
            return parse_number_atom();
        case TokenKind::String:
        case TokenKind::FStringStart:
            return parse_strings();
        case TokenKind::Op:
            break;
        default:
            fail_generic();
    }
    if (token.is_op("(")) {
        return parse_parenthesized();
    }
    if (token.is_op("[")) {
        return parse_list_display();
    }
    if (token.is_op("{")) {
        return parse_brace_display();
    }
    if (token.is_op("...")) {
        next();
        auto node = make<ast::Constant>();
        node->type = ast::Constant::Type::Ellipsis;
        locate(*node, from);
        return node;
    }
    fail_generic();
}

ExprPtr Parser::parse_parenthesized() {
    DepthGuard guard(*this);
    Position from = start();
    next();
    ++bracket_depth_;
    if (accept_op(")")) {
        --bracket_depth_;
        auto tuple = make<ast::Tuple>();
        locate(*tuple, from);
        return tuple;
    }
    if (at_keyword("yield")) {
        ExprPtr e = parse_yield_expression();
        expect_op(")");
        --bracket_depth_;
        return e;
    }
    Position element_from = start();
    ExprPtr first = parse_star_named_expression();
    if (at_keyword("for") || at_keyword("async")) {
        if (first->kind == ExprKind::Starred) {
            fail_at(first->location, "iterable unpacking cannot be used in comprehension");
        }
        auto node = make<ast::GeneratorExp>();
        node->elt = std::move(first);
        node->generators = parse_comprehension_clauses();
        expect_op(")");
        --bracket_depth_;
        locate(*node, from);
        return node;
    }
    if (accept_op(")")) {
        --bracket_depth_;
        if (first->kind == ExprKind::Starred) {
            fail_at(first->location, "cannot use starred expression here");
        }
        return first;
    }
    if (!at_op(",")) {
        check_missing_comma(element_from);
        fail_generic();
    }
    auto tuple = make<ast::Tuple>();
    tuple->elts.push_back(std::move(first));
    while (accept_op(",")) {
        if (at_op(")")) {
            break;
        }
        element_from = start();
        tuple->elts.push_back(parse_star_named_expression());
        if (!at_op(",") && !at_op(")")) {
            check_missing_comma(element_from);
        }
    }
    expect_op(")");
    --bracket_depth_;
    locate(*tuple, from);
    return tuple;
}

ExprPtr Parser::parse_list_display() {
    DepthGuard guard(*this);
    Position from = start();
    next();
    ++bracket_depth_;
    auto list = make<ast::List>();
    if (!at_op("]")) {
        Position element_from = start();
        ExprPtr first = parse_star_named_expression();
        if (at_keyword("for") || at_keyword("async")) {
            if (first->kind == ExprKind::Starred) {
                fail_at(first->location, "iterable unpacking cannot be used in comprehension");
            }
            auto node = make<ast::ListComp>();
            node->elt = std::move(first);
            node->generators = parse_comprehension_clauses();
            expect_op("]");
            --bracket_depth_;
            locate(*node, from);
            return node;
        }
        list->elts.push_back(std::move(first));
        if (!at_op(",") && !at_op("]")) {
            check_missing_comma(element_from);
        }
        while (accept_op(",")) {
            if (at_op("]")) {
                break;
            }
            element_from = start();
            list->elts.push_back(parse_star_named_expression());
            if (!at_op(",") && !at_op("]")) {
                check_missing_comma(element_from);
            }
        }
    }
    expect_op("]");
    --bracket_depth_;
    locate(*list, from);
    return list;
}

ExprPtr Parser::parse_brace_display() {
    DepthGuard guard(*this);
    Position from = start();
    next();
    ++bracket_depth_;
    if (accept_op("}")) {
        --bracket_depth_;
        auto dict = make<ast::Dict>();
        locate(*dict, from);
        return dict;
    }
    if (at_op("**")) {
        return parse_dict_rest(nullptr, nullptr, from);
    }
    Position element_from = start();
    ExprPtr first = parse_star_named_expression();
    if (at_op(":") && first->kind != ExprKind::Starred) {
        next();
        check_value_after_colon();
        Position value_from = start();
        ExprPtr value = parse_expression();
        if (!at_op(",") && !at_op("}") && !at_keyword("for") && !at_keyword("async")) {
            check_missing_comma(value_from);
        }
        if (at_keyword("for") || at_keyword("async")) {
            auto node = make<ast::DictComp>();
            node->key = std::move(first);
            node->value = std::move(value);
            node->generators = parse_comprehension_clauses();
            expect_op("}");
            --bracket_depth_;
            locate(*node, from);
            return node;
        }
        return parse_dict_rest(std::move(first), std::move(value), from);
    }
    if (at_keyword("for") || at_keyword("async")) {
        if (first->kind == ExprKind::Starred) {
            fail_at(first->location, "iterable unpacking cannot be used in comprehension");
        }
        auto node = make<ast::SetComp>();
        node->elt = std::move(first);
        node->generators = parse_comprehension_clauses();
        expect_op("}");
        --bracket_depth_;
        locate(*node, from);
        return node;
    }
    auto set = make<ast::Set>();
    set->elts.push_back(std::move(first));
    if (!at_op(",") && !at_op("}")) {
        check_missing_comma(element_from);
    }
    while (accept_op(",")) {
        if (at_op("}")) {
            break;
        }
        element_from = start();
        set->elts.push_back(parse_star_named_expression());
        if (!at_op(",") && !at_op("}")) {
            check_missing_comma(element_from);
        }
    }
    expect_op("}");
    --bracket_depth_;
    locate(*set, from);
    return set;
}

ExprPtr Parser::parse_dict_rest(ExprPtr first_key, ExprPtr first_value, Position from) {
    auto dict = make<ast::Dict>();
    bool need_entry = first_value == nullptr;
    if (!need_entry) {
        dict->keys.push_back(std::move(first_key));
        dict->values.push_back(std::move(first_value));
    }
    while (need_entry || accept_op(",")) {
        need_entry = false;
        if (at_op("}")) {
            break;
        }
        if (accept_op("**")) {
            dict->keys.push_back(nullptr);
            dict->values.push_back(parse_bitwise_or());
            continue;
        }
        ExprPtr key = parse_expression();
        if (!at_op(":")) {
            // CPython points at the key's last character.
            throw SyntaxErrorThrown{
                "SyntaxError",          "':' expected after dictionary key",
                key->location.end_line, static_cast<std::int32_t>(key->location.end_column) - 1,
                key->location.end_line, -1};
        }
        next();
        check_value_after_colon();
        dict->keys.push_back(std::move(key));
        Position value_from = start();
        dict->values.push_back(parse_expression());
        if (!at_op(",") && !at_op("}")) {
            check_missing_comma(value_from);
        }
    }
    expect_op("}");
    --bracket_depth_;
    locate(*dict, from);
    return dict;
}

std::vector<ast::Comprehension> Parser::parse_comprehension_clauses() {
    std::vector<ast::Comprehension> clauses;
    while (at_keyword("for") || (at_keyword("async") && peek(1).is_name("for"))) {
        ast::Comprehension clause;
        if (accept_keyword("async")) {
            clause.is_async = true;
        }
        next();  // for
        Position target_from = start();
        clause.target = parse_targets(TargetsType::For);
        if (!at_keyword("in")) {
            check_missing_comma(target_from);
        }
        expect_keyword("in");
        clause.iter = parse_disjunction();
        while (at_keyword("if")) {
            next();
            clause.ifs.push_back(parse_disjunction());
        }
        clauses.push_back(std::move(clause));
    }
    return clauses;
}

ExprPtr Parser::parse_generator_tail(ExprPtr elt, Position from) {
    if (elt->kind == ExprKind::Starred) {
        fail_at(elt->location, "iterable unpacking cannot be used in comprehension");
    }
    auto node = make<ast::GeneratorExp>();
    node->elt = std::move(elt);
    node->generators = parse_comprehension_clauses();
    locate(*node, from);
    return node;
}

}  // namespace loopscope::script::grammar
