// Statements: simple ones, blocks, compound statements, parameters.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "script/syntax/assignment_targets.h"
#include "script/syntax/grammar.h"

namespace loopscope::script::grammar {

ast::Module Parser::parse_file() {
    ast::Module module;
    while (peek().kind != TokenKind::EndMarker) {
        if (peek().kind == TokenKind::Indent) {
            fail_unexpected_indent();
        }
        if (peek().kind == TokenKind::Newline) {
            next();
            continue;
        }
        parse_statement(module.body);
    }
    if (too_large_literal_) {
        const Location& where = *too_large_literal_;
        throw SyntaxErrorThrown{"OverflowError", "integer literal too large",
                                where.line,      static_cast<std::int32_t>(where.column),
                                where.end_line,  static_cast<std::int32_t>(where.end_column)};
    }
    if (!module.body.empty() && module.body[0]->kind == StmtKind::Expr) {
        const ast::Expr& value = *ast::as<ast::ExprStmt>(*module.body[0]).value;
        if (value.kind == ExprKind::Constant &&
            ast::as<ast::Constant>(value).type == ast::Constant::Type::Str) {
            module.docstring = ast::as<ast::Constant>(value).str_value;
        }
    }
    return module;
}

void Parser::parse_statement(StmtList& out) {
    DepthGuard guard(*this);
    const Token& token = peek();
    if (token.kind == TokenKind::Name) {
        std::string_view word = token.text;
        if (word == "def" || word == "class" || word == "if" || word == "while" || word == "for" ||
            word == "try" || word == "with") {
            out.push_back(parse_compound(word, {}));
            return;
        }
        if (word == "async") {
            const Token& after = peek(1);
            if (after.is_name("def") || after.is_name("for") || after.is_name("with")) {
                out.push_back(parse_compound(after.text, {}));
                return;
            }
        }
    }
    if (token.is_op("@")) {
        out.push_back(parse_decorated());
        return;
    }
    parse_simple_statements(out);
}

void Parser::parse_simple_statements(StmtList& out) {
    while (true) {
        out.push_back(parse_simple_statement());
        if (accept_op(";")) {
            if (peek().kind == TokenKind::Newline) {
                break;
            }
            continue;
        }
        break;
    }
    if (peek().kind != TokenKind::Newline) {
        fail_generic();
    }
    next();
}

StmtPtr Parser::parse_simple_statement() {
    const Token& token = peek();
    Position from = start();
    if (token.kind == TokenKind::Name) {
        std::string_view word = token.text;
        if (word == "pass") {
            next();
            auto node = make<ast::Pass>();
            locate(*node, from);
            return node;
        }
        if (word == "break") {
            next();
            auto node = make<ast::Break>();
            locate(*node, from);
            return node;
        }
        if (word == "continue") {
            next();
            auto node = make<ast::Continue>();
            locate(*node, from);
            return node;
        }
        if (word == "return") {
            next();
            auto node = make<ast::Return>();
            if (!at_statement_end()) {
                node->value = parse_star_expressions();
            }
            locate(*node, from);
            return node;
        }
        if (word == "raise") {
            next();
            auto node = make<ast::Raise>();
            if (!at_statement_end()) {
                node->exc = parse_expression();
                if (accept_keyword("from")) {
                    node->cause = parse_expression();
                }
            }
            locate(*node, from);
            return node;
        }
        if (word == "global" || word == "nonlocal") {
            next();
            std::vector<std::string> names;
            do {
                names.push_back(expect_name());
            } while (accept_op(","));
            if (word == "global") {
                auto node = make<ast::Global>();
                node->names = std::move(names);
                locate(*node, from);
                return node;
            }
            auto node = make<ast::Nonlocal>();
            node->names = std::move(names);
            locate(*node, from);
            return node;
        }
        if (word == "del") {
            return parse_del(from);
        }
        if (word == "assert") {
            next();
            auto node = make<ast::Assert>();
            node->test = parse_expression();
            if (accept_op(",")) {
                node->msg = parse_expression();
            }
            locate(*node, from);
            return node;
        }
        if (word == "import") {
            return parse_import(from);
        }
        if (word == "from") {
            return parse_from_import(from);
        }
    }
    return parse_expression_statement(from);
}

bool Parser::at_statement_end() {
    const Token& token = peek();
    return token.kind == TokenKind::Newline || token.is_op(";");
}

std::string Parser::expect_name() {
    const Token& token = peek();
    if (token.kind != TokenKind::Name || is_keyword(token.text)) {
        fail_generic();
    }
    next();
    return std::string(token.text);
}

StmtPtr Parser::parse_del(Position from) {
    next();
    auto node = make<ast::Delete>();
    do {
        if (at_statement_end()) {
            break;
        }
        ExprPtr target = parse_bitwise_or();
        if (const ast::Expr* bad = invalid_target(*target, TargetsType::Del)) {
            fail_at(bad->location, std::string("cannot delete ") + expr_name(*bad));
        }
        set_context(*target, ast::ExprContext::Del);
        node->targets.push_back(std::move(target));
    } while (accept_op(","));
    if (node->targets.empty()) {
        fail_generic();
    }
    locate(*node, from);
    return node;
}

std::string Parser::parse_dotted_name() {
    std::string name = expect_name();
    while (at_op(".")) {
        next();
        name += '.';
        name += expect_name();
    }
    return name;
}

StmtPtr Parser::parse_import(Position from) {
    next();
    auto node = make<ast::Import>();
    do {
        ast::Alias alias;
        Position alias_from = start();
        alias.name = parse_dotted_name();
        if (accept_keyword("as")) {
            alias.asname = expect_name();
        }
        alias.location = span_from(alias_from);
        node->names.push_back(std::move(alias));
    } while (accept_op(","));
    locate(*node, from);
    return node;
}

StmtPtr Parser::parse_from_import(Position from) {
    next();
    auto node = make<ast::ImportFrom>();
    while (at_op(".") || at_op("...")) {
        node->level += at_op(".") ? 1 : 3;
        next();
    }
    if (!at_keyword("import")) {
        node->module = parse_dotted_name();
    } else if (node->level == 0) {
        fail_generic();
    }
    expect_keyword("import");
    if (at_op("*")) {
        Position star_from = start();
        next();
        ast::Alias alias;
        alias.name = "*";
        alias.location = span_from(star_from);
        node->names.push_back(std::move(alias));
        locate(*node, from);
        return node;
    }
    bool parenthesized = accept_op("(");
    if (parenthesized) {
        ++bracket_depth_;
    }
    do {
        if (parenthesized && at_op(")")) {
            break;
        }
        if (!parenthesized && !node->names.empty() && peek().kind == TokenKind::Newline) {
            fail_at(peek(), "trailing comma not allowed without surrounding parentheses");
        }
        ast::Alias alias;
        Position alias_from = start();
        alias.name = expect_name();
        if (accept_keyword("as")) {
            alias.asname = expect_name();
        }
        alias.location = span_from(alias_from);
        node->names.push_back(std::move(alias));
    } while (accept_op(","));
    if (parenthesized) {
        expect_op(")");
        --bracket_depth_;
    }
    if (node->names.empty()) {
        fail_generic();
    }
    locate(*node, from);
    return node;
}

bool Parser::is_augassign(const Token& token, ast::BinaryOp& op) {
    if (token.kind != TokenKind::Op || token.text.size() < 2 || token.text.back() != '=') {
        return false;
    }
    std::string_view t = token.text.substr(0, token.text.size() - 1);
    if (t == "+")
        op = ast::BinaryOp::Add;
    else if (t == "-")
        op = ast::BinaryOp::Sub;
    else if (t == "*")
        op = ast::BinaryOp::Mult;
    else if (t == "@")
        op = ast::BinaryOp::MatMult;
    else if (t == "/")
        op = ast::BinaryOp::Div;
    else if (t == "%")
        op = ast::BinaryOp::Mod;
    else if (t == "**")
        op = ast::BinaryOp::Pow;
    else if (t == "<<")
        op = ast::BinaryOp::LShift;
    else if (t == ">>")
        op = ast::BinaryOp::RShift;
    else if (t == "|")
        op = ast::BinaryOp::BitOr;
    else if (t == "^")
        op = ast::BinaryOp::BitXor;
    else if (t == "&")
        op = ast::BinaryOp::BitAnd;
    else if (t == "//")
        op = ast::BinaryOp::FloorDiv;
    else
        return false;
    return true;
}

ExprPtr Parser::parse_yield_or_star_expressions() {
    if (at_keyword("yield")) {
        return parse_yield_expression();
    }
    return parse_star_expressions();
}

StmtPtr Parser::parse_expression_statement(Position from) {
    bool starts_with_paren = at_op("(");
    bool starts_with_yield = at_keyword("yield");
    ExprPtr first = parse_yield_or_star_expressions();
    const Token& token = peek();
    if (token.is_op(":")) {
        return parse_annotated_assignment(std::move(first), starts_with_paren, from);
    }
    ast::BinaryOp op{};
    if (is_augassign(token, op)) {
        ast::Expr& target = *first;
        if (target.kind != ExprKind::Name && target.kind != ExprKind::Attribute &&
            target.kind != ExprKind::Subscript) {
            fail_at(target.location, std::string("'") + expr_name(target) +
                                         "' is an illegal expression for augmented "
                                         "assignment");
        }
        next();
        set_context(target, ast::ExprContext::Store);
        auto node = make<ast::AugAssign>();
        node->target = std::move(first);
        node->op = op;
        node->value = parse_yield_or_star_expressions();
        locate(*node, from);
        return node;
    }
    if (token.is_op("=")) {
        ExprList chain;
        std::vector<bool> bare_yield{starts_with_yield};
        chain.push_back(std::move(first));
        while (accept_op("=")) {
            bare_yield.push_back(at_keyword("yield"));
            chain.push_back(parse_yield_or_star_expressions());
        }
        check_assignment_targets(chain, bare_yield);
        auto node = make<ast::Assign>();
        node->value = std::move(chain.back());
        chain.pop_back();
        for (ExprPtr& target : chain) {
            set_context(*target, ast::ExprContext::Store);
        }
        node->targets = std::move(chain);
        locate(*node, from);
        return node;
    }
    if (!at_statement_end()) {
        check_legacy_print(*first);
        look_ahead_for_tokenizer_error();
        fail_generic();
    }
    auto node = make<ast::ExprStmt>();
    node->value = std::move(first);
    locate(*node, from);
    return node;
}

StmtPtr Parser::parse_annotated_assignment(ExprPtr target, bool parenthesized, Position from) {
    bool single = target->kind == ExprKind::Name || target->kind == ExprKind::Attribute ||
                  target->kind == ExprKind::Subscript;
    if (!single) {
        // CPython names the mistake only when an annotation follows the colon.
        if (!annotation_follows()) {
            fail_generic();
        }
        if (target->kind == ExprKind::Tuple || target->kind == ExprKind::List) {
            fail_at(target->location, std::string("only single target (not ") + expr_name(*target) +
                                          ") can be annotated");
        }
        fail_at(target->location, "illegal target for annotation");
    }
    next();  // ':'
    auto node = make<ast::AnnAssign>();
    node->simple = target->kind == ExprKind::Name && !parenthesized;
    set_context(*target, ast::ExprContext::Store);
    node->target = std::move(target);
    node->annotation = parse_expression();
    if (accept_op("=")) {
        node->value = parse_yield_or_star_expressions();
    }
    locate(*node, from);
    return node;
}

StmtPtr Parser::parse_decorated() {
    ExprList decorators;
    while (at_op("@")) {
        next();
        decorators.push_back(parse_named_expression());
        if (peek().kind != TokenKind::Newline) {
            fail_generic();
        }
        next();
    }
    const Token& token = peek();
    if (token.is_name("def") || token.is_name("class")) {
        return parse_compound(token.text, std::move(decorators));
    }
    if (token.is_name("async") && peek(1).is_name("def")) {
        return parse_compound("def", std::move(decorators));
    }
    fail_generic();
}

StmtPtr Parser::parse_compound(std::string_view word, ExprList decorators) {
    if (word == "def") {
        return parse_function(std::move(decorators));
    }
    if (word == "class") {
        return parse_class(std::move(decorators));
    }
    if (word == "if") {
        return parse_if("if");
    }
    if (word == "while") {
        return parse_while();
    }
    if (word == "for") {
        return parse_for();
    }
    if (word == "try") {
        return parse_try();
    }
    return parse_with();
}

void Parser::expect_colon(bool any_token_means_missing) {
    if (accept_op(":")) {
        return;
    }
    const Token& token = peek();
    if (token.kind == TokenKind::Newline || any_token_means_missing) {
        fail_at(token, "expected ':'");
    }
    fail_generic();
}

StmtList Parser::parse_block(const std::string& after, std::uint32_t header_line) {
    StmtList body;
    if (peek().kind != TokenKind::Newline) {
        parse_simple_statements(body);
        return body;
    }
    next();
    if (peek().kind != TokenKind::Indent) {
        const Token& token = peek();
        fail_at(
            token,
            "expected an indented block after " + after + " on line " + std::to_string(header_line),
            "IndentationError");
    }
    next();
    while (peek().kind != TokenKind::Dedent && peek().kind != TokenKind::EndMarker) {
        if (peek().kind == TokenKind::Indent) {
            fail_unexpected_indent();
        }
        parse_statement(body);
    }
    if (peek().kind == TokenKind::Dedent) {
        next();
    }
    return body;
}

StmtPtr Parser::parse_if(const char* keyword) {
    Position from = start();
    std::uint32_t line = peek().line;
    next();  // if / elif
    auto node = make<ast::If>();
    node->test = parse_named_expression();
    expect_colon();
    node->body = parse_block(std::string("'") + keyword + "' statement", line);
    if (at_keyword("elif")) {
        node->orelse.push_back(parse_if("elif"));
    } else if (at_keyword("else")) {
        node->orelse = parse_else();
    }
    locate(*node, from);
    return node;
}

StmtList Parser::parse_else() {
    std::uint32_t line = peek().line;
    next();
    expect_colon(true);
    return parse_block("'else' statement", line);
}

StmtPtr Parser::parse_while() {
    Position from = start();
    std::uint32_t line = peek().line;
    next();
    auto node = make<ast::While>();
    node->test = parse_named_expression();
    expect_colon();
    node->body = parse_block("'while' statement", line);
    if (at_keyword("else")) {
        node->orelse = parse_else();
    }
    locate(*node, from);
    return node;
}

StmtPtr Parser::parse_for() {
    Position from = start();
    std::uint32_t line = peek().line;
    auto node = make<ast::For>();
    if (accept_keyword("async")) {
        node->is_async = true;
        node->kind = StmtKind::AsyncFor;
    }
    next();  // for
    Position target_from = start();
    node->target = parse_targets(TargetsType::For);
    if (!at_keyword("in")) {
        check_missing_comma(target_from);
    }
    expect_keyword("in");
    node->iter = parse_star_expressions();
    expect_colon();
    node->body = parse_block("'for' statement", line);
    if (at_keyword("else")) {
        node->orelse = parse_else();
    }
    locate(*node, from);
    return node;
}

ExprPtr Parser::parse_targets(TargetsType type) {
    Position from = start();
    ExprList elts;
    bool comma = false;
    while (true) {
        Position elt_from = start();
        ExprPtr elt;
        if (accept_op("*")) {
            auto starred = make<ast::Starred>();
            starred->value = parse_bitwise_or();
            locate(*starred, elt_from);
            elt = std::move(starred);
        } else {
            elt = parse_bitwise_or();
        }
        elts.push_back(std::move(elt));
        if (!at_op(",")) {
            break;
        }
        next();
        comma = true;
        if (at_keyword("in") || at_op("=") || at_op(")")) {
            break;
        }
    }
    ExprPtr target;
    if (comma) {
        auto tuple = make<ast::Tuple>();
        tuple->elts = std::move(elts);
        locate(*tuple, from);
        target = std::move(tuple);
    } else {
        target = std::move(elts[0]);
    }
    if (const ast::Expr* bad = invalid_target(*target, type)) {
        fail_at(bad->location, std::string("cannot assign to ") + expr_name(*bad));
    }
    set_context(*target, ast::ExprContext::Store);
    return target;
}

StmtPtr Parser::parse_with() {
    Position from = start();
    std::uint32_t line = peek().line;
    auto node = make<ast::With>();
    if (accept_keyword("async")) {
        node->is_async = true;
        node->kind = StmtKind::AsyncWith;
    }
    next();  // with
    if (!(at_op("(") && try_parenthesized_with_items(node->items))) {
        do {
            node->items.push_back(parse_with_item());
        } while (accept_op(","));
    }
    expect_colon();
    node->body = parse_block("'with' statement", line);
    locate(*node, from);
    return node;
}

bool Parser::try_parenthesized_with_items(std::vector<ast::WithItem>& items) {
    std::size_t saved = pos_;
    std::size_t saved_furthest = furthest_;
    Position saved_end = last_end_;
    int saved_brackets = bracket_depth_;
    try {
        next();
        ++bracket_depth_;
        std::vector<ast::WithItem> parsed;
        do {
            if (at_op(")")) {
                break;
            }
            parsed.push_back(parse_with_item());
        } while (accept_op(","));
        expect_op(")");
        --bracket_depth_;
        if (!at_op(":")) {
            throw SyntaxErrorThrown{};
        }
        items = std::move(parsed);
        return true;
    } catch (const SyntaxErrorThrown&) {
        pos_ = saved;
        furthest_ = saved_furthest;
        last_end_ = saved_end;
        bracket_depth_ = saved_brackets;
        return false;
    }
}

ast::WithItem Parser::parse_with_item() {
    ast::WithItem item;
    item.context_expr = parse_expression();
    if (accept_keyword("as")) {
        ExprPtr target = parse_with_target();
        item.optional_vars = std::move(target);
    }
    return item;
}

ExprPtr Parser::parse_with_target() {
    ExprPtr target = parse_star_target_single();
    if (const ast::Expr* bad = invalid_target(*target, TargetsType::Star)) {
        fail_at(bad->location, std::string("cannot assign to ") + expr_name(*bad));
    }
    set_context(*target, ast::ExprContext::Store);
    return target;
}

ExprPtr Parser::parse_star_target_single() {
    Position from = start();
    if (accept_op("*")) {
        auto starred = make<ast::Starred>();
        starred->value = parse_bitwise_or();
        locate(*starred, from);
        return starred;
    }
    return parse_bitwise_or();
}

StmtPtr Parser::parse_try() {
    Position from = start();
    std::uint32_t line = peek().line;
    next();
    expect_colon(true);
    auto node = make<ast::Try>();
    node->body = parse_block("'try' statement", line);
    bool saw_star = false;
    bool saw_plain = false;
    while (at_keyword("except")) {
        Position handler_from = start();
        std::uint32_t handler_line = peek().line;
        next();
        bool star = accept_op("*");
        if (star) {
            saw_star = true;
        } else {
            saw_plain = true;
        }
        if (saw_star && saw_plain) {
            fail_at(tokens_[pos_ - 1], "cannot have both 'except' and 'except*' on the same 'try'");
        }
        ast::ExceptHandler handler;
        if (peek().kind == TokenKind::Newline) {
            fail_at(peek(), "expected ':'");
        }
        if (!at_op(":")) {
            Position type_from = start();
            handler.type = parse_expression();
            if (at_op(",")) {
                // CPython names the mistake for `except A, B [as e]:` only; otherwise the
                // comma is invalid syntax.
                std::optional<Location> types;
                {
                    Lookahead lookahead(*this);
                    try {
                        next();
                        if (can_start_expression()) {
                            parse_star_expressions();
                            if (accept_keyword("as")) {
                                expect_name();
                            }
                            if (at_op(":")) {
                                types = span_from(type_from);
                            }
                        }
                    } catch (const SyntaxErrorThrown& error) {
                        if (error.from_tokenizer) {
                            throw;
                        }
                    }
                }
                if (types) {
                    fail_at(*types, "multiple exception types must be parenthesized");
                }
                fail_generic();
            }
            if (accept_keyword("as")) {
                handler.name = expect_name();
            }
        } else if (star) {
            fail_at(peek(), "expected one or more exception types");
        }
        expect_colon();
        handler.body =
            parse_block(star ? "'except*' statement" : "'except' statement", handler_line);
        handler.location = span_from(handler_from);
        node->handlers.push_back(std::move(handler));
    }
    if (at_keyword("else")) {
        if (node->handlers.empty()) {
            fail_at(peek(), "expected 'except' or 'finally' block");
        }
        node->orelse = parse_else();
    }
    if (at_keyword("finally")) {
        std::uint32_t finally_line = peek().line;
        next();
        expect_colon(true);
        node->finalbody = parse_block("'finally' statement", finally_line);
    }
    if (node->handlers.empty() && node->finalbody.empty()) {
        fail_at(peek(), "expected 'except' or 'finally' block");
    }
    if (saw_star) {
        node->is_star = true;
        node->kind = StmtKind::TryStar;
    }
    locate(*node, from);
    return node;
}

StmtPtr Parser::parse_function(ExprList decorators) {
    Position from = start();
    std::uint32_t line = peek().line;
    auto node = make<ast::FunctionDef>();
    if (accept_keyword("async")) {
        node->is_async = true;
        node->kind = StmtKind::AsyncFunctionDef;
    }
    next();  // def
    node->name = expect_name();
    if (!at_op("(")) {
        fail_at(peek(), "expected '('");
    }
    next();
    ++bracket_depth_;
    node->args = parse_parameters(")", true);
    expect_op(")");
    --bracket_depth_;
    if (accept_op("->")) {
        node->returns = parse_expression();
    }
    expect_colon(true);
    node->body = parse_block("function definition", line);
    node->decorator_list = std::move(decorators);
    locate(*node, from);
    return node;
}

StmtPtr Parser::parse_class(ExprList decorators) {
    Position from = start();
    std::uint32_t line = peek().line;
    next();
    auto node = make<ast::ClassDef>();
    node->name = expect_name();
    if (accept_op("(")) {
        ++bracket_depth_;
        parse_call_arguments(node->bases, node->keywords, false);
        expect_op(")");
        --bracket_depth_;
    }
    expect_colon();
    node->body = parse_block("class definition", line);
    node->decorator_list = std::move(decorators);
    locate(*node, from);
    return node;
}

ast::Arguments Parser::parse_parameters(std::string_view closing, bool annotations) {
    ast::Arguments args;
    bool seen_star = false;
    bool seen_default = false;
    bool seen_slash = false;
    auto parse_arg = [&]() {
        ast::Arg arg;
        Position from = start();
        arg.name = expect_name();
        if (annotations && accept_op(":")) {
            arg.annotation = parse_expression();
        }
        arg.location = span_from(from);
        return arg;
    };
    while (!at_op(closing)) {
        const Token& token = peek();
        if (token.is_op("/")) {
            if (seen_slash) {
                fail_at(token, "/ may appear only once");
            }
            if (seen_star) {
                fail_at(token, "/ must be ahead of *");
            }
            if (args.args.empty()) {
                fail_at(token, "at least one argument must precede /");
            }
            next();
            seen_slash = true;
            args.posonlyargs = std::move(args.args);
            args.args.clear();
        } else if (token.is_op("*")) {
            if (seen_star) {
                fail_at(token, "* argument may appear only once");
            }
            const Token& star = token;
            next();
            seen_star = true;
            if (at_op(",") || at_op(closing)) {
                // CPython: `*)`, `*, )` and `*, **` (or `*:` in a lambda) name the mistake.
                bool nothing_named =
                    at_op(closing) || peek(1).is_op(closing) || peek(1).is_op("**");
                if (nothing_named) {
                    fail_at(star, "named arguments must follow bare *");
                }
            } else {
                args.vararg = parse_arg();
            }
        } else if (token.is_op("**")) {
            next();
            args.kwarg = parse_arg();
            if (accept_op(",") && !at_op(closing)) {
                fail_at(peek(), "arguments cannot follow var-keyword argument");
            }
            break;
        } else {
            ast::Arg arg = parse_arg();
            ExprPtr default_value;
            if (accept_op("=")) {
                default_value = parse_expression();
            }
            if (seen_star) {
                args.kwonlyargs.push_back(std::move(arg));
                args.kw_defaults.push_back(std::move(default_value));
            } else {
                if (default_value) {
                    seen_default = true;
                    args.defaults.push_back(std::move(default_value));
                } else if (seen_default) {
                    fail_at(arg.location,
                            "parameter without a default follows parameter with a default");
                }
                args.args.push_back(std::move(arg));
            }
        }
        if (!accept_op(",")) {
            break;
        }
    }
    return args;
}

}  // namespace loopscope::script::grammar
