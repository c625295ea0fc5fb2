#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "script/syntax/assignment_targets.h"
#include "script/syntax/ast.h"
#include "script/syntax/lexer.h"

// The recursive-descent parser of the subset, one class whose rules are split by area:
// grammar_statements.cpp, grammar_expressions.cpp, grammar_literals.cpp (numbers, strings,
// f-strings) and grammar_errors.cpp (CPython's error messages: its second, error-hunting pass
// emulated by look-aheads at the point of failure). parse_module (parser.cpp) drives it.
namespace loopscope::script::grammar {

using ast::ExprKind;
using ast::ExprList;
using ast::ExprPtr;
using ast::Location;
using ast::StmtKind;
using ast::StmtList;
using ast::StmtPtr;

// CPython 3.12's compiler gives up on expressions nested this deep (`x = -...-1` with 2993
// minus signs, or 2993 chained `+`, `.attr` or `if else`) with a RecursionError. The parser
// counts the nesting as it builds the tree (recursion and left-nested chains alike), so that
// neither it nor the compiler and destructors after it can overflow the stack. Brackets stop
// earlier, at 200, in the tokenizer ("too many nested parentheses").
constexpr int kMaxNesting = 2993;

struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// An error in flight inside the parser; parse_module turns it into a SyntaxErrorInfo.
struct SyntaxErrorThrown {
    std::string type;
    std::string message;
    std::uint32_t line;
    std::int32_t column;  // bytes; negative: the raw offset sentinel, see Token
    std::uint32_t end_line;
    std::int32_t end_column;
    bool from_tokenizer = false;
    bool generic = false;  // CPython's fallback "invalid syntax"
};

SyntaxErrorThrown token_error(const TokenizerError& token);

// Python's hard keywords (soft keywords like `match` are names here).
bool is_keyword(std::string_view word);

template <class Node>
std::unique_ptr<Node> make() {
    return std::make_unique<Node>();
}

class Parser {
public:
    Parser(const TokenizedSource& tokens, std::string_view source)
        : tokens_(tokens.tokens), tokenized_(tokens), source_(source) {}

    // The whole file: statements up to the end marker, and the module docstring.
    ast::Module parse_file();

    // The furthest token the parser looked at: CPython tokenizes on from there to find
    // tokenizer errors that take priority over the parser's.
    std::size_t furthest() const { return furthest_seen_; }

private:
    const std::vector<Token>& tokens_;
    const TokenizedSource& tokenized_;
    std::string_view source_;
    std::size_t pos_ = 0;
    // The furthest token looked at while parsing, where a generic "invalid syntax" points;
    // look-aheads for specific messages (CPython's second pass) restore it.
    std::size_t furthest_ = 0;
    // The furthest token looked at by anything, look-aheads included (CPython's `fill`).
    std::size_t furthest_seen_ = 0;
    Position last_end_;
    int depth_ = 0;
    int bracket_depth_ = 0;
    // Inside a look-ahead for a specific message: as CPython's `expression_without_invalid`,
    // no further error rules run there.
    int lookahead_depth_ = 0;
    // The first int literal beyond 64 bits (our int's range), reported after a clean parse.
    std::optional<Location> too_large_literal_;

    // --- tokens ---------------------------------------------------------------------------

    // The token `ahead` places on. An Error token is always the last one, so looking at or
    // past it raises the tokenizer's error, as CPython does when it fetches that token.
    const Token& peek(std::size_t ahead = 0) {
        std::size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
        furthest_ = std::max(furthest_, index);
        furthest_seen_ = std::max(furthest_seen_, index);
        const Token& token = tokens_[index];
        if (token.kind == TokenKind::Error) {
            throw_token_error(token);
        }
        return token;
    }
    const Token& next() {
        const Token& token = peek();
        if (pos_ + 1 < tokens_.size()) {
            ++pos_;
        }
        if (token.kind != TokenKind::Indent && token.kind != TokenKind::Dedent &&
            token.kind != TokenKind::Newline) {
            last_end_ = Position{token.end_line, token.end_column};
        }
        return token;
    }
    bool at_op(std::string_view op) { return peek().is_op(op); }
    bool at_keyword(std::string_view word) { return peek().is_name(word); }
    bool accept_op(std::string_view op) {
        if (at_op(op)) {
            next();
            return true;
        }
        return false;
    }
    bool accept_keyword(std::string_view word) {
        if (at_keyword(word)) {
            next();
            return true;
        }
        return false;
    }
    void expect_op(std::string_view op) {
        if (!accept_op(op)) {
            fail_generic();
        }
    }
    void expect_keyword(std::string_view word) {
        if (!accept_keyword(word)) {
            fail_generic();
        }
    }
    Position start() {
        const Token& token = peek();
        return Position{token.line, token.column};
    }
    Location span_from(Position from) const {
        return Location{from.line, from.column, last_end_.line, last_end_.column};
    }
    template <class Node>
    void locate(Node& node, Position from) const {
        node.location = span_from(from);
    }

    // Parses ahead for a specific error message, then puts the parser back where it was (what
    // the look-ahead saw stays seen: furthest_seen_). Error rules do not run inside one, as in
    // CPython's `expression_without_invalid`.
    class Lookahead {
    public:
        explicit Lookahead(Parser& parser)
            : parser_(parser),
              pos_(parser.pos_),
              last_end_(parser.last_end_),
              furthest_(parser.furthest_),
              depth_(parser.depth_),
              bracket_depth_(parser.bracket_depth_) {
            ++parser.lookahead_depth_;
        }
        ~Lookahead() {
            parser_.pos_ = pos_;
            parser_.last_end_ = last_end_;
            parser_.furthest_ = furthest_;
            parser_.depth_ = depth_;
            parser_.bracket_depth_ = bracket_depth_;
            --parser_.lookahead_depth_;
        }
        Lookahead(const Lookahead&) = delete;
        Lookahead& operator=(const Lookahead&) = delete;

    private:
        Parser& parser_;
        std::size_t pos_;
        Position last_end_;
        std::size_t furthest_;
        int depth_;
        int bracket_depth_;
    };
    bool in_lookahead() const { return lookahead_depth_ > 0; }

    struct DepthGuard {
        Parser& parser;
        explicit DepthGuard(Parser& p) : parser(p) {
            ++parser.depth_;
            parser.check_nesting(0);
        }
        ~DepthGuard() { --parser.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };

    // --- errors ---------------------------------------------------------------------------

    // `chain`: left-nested nodes a loop has built on top of the current depth.
    void check_nesting(int chain) const;
    [[noreturn]] void throw_token_error(const Token&) { throw token_error(*tokenized_.error); }
    [[noreturn]] void fail_at(const Token& token, std::string message,
                              std::string type = "SyntaxError");
    [[noreturn]] void fail_at(const Location& where, std::string message);
    [[noreturn]] void fail_range(const Location& from, const Location& to, std::string message);
    // CPython's fallback: "invalid syntax" at the furthest token looked at (parse_module then
    // lets a tokenizer error further on win).
    [[noreturn]] void fail_generic();
    // CPython's second pass tries its error rules, which read expressions past the failing
    // token; a tokenizer error they reach (a bracket never closed) is the one reported.
    void look_ahead_from_furthest();
    static bool ends_expression(const Token& token);
    [[noreturn]] void fail_unexpected_indent();

    // --- statements -----------------------------------------------------------------------

    void parse_statement(StmtList& out);
    void parse_simple_statements(StmtList& out);
    StmtPtr parse_simple_statement();
    bool at_statement_end();
    std::string expect_name();
    StmtPtr parse_del(Position from);
    std::string parse_dotted_name();
    StmtPtr parse_import(Position from);
    StmtPtr parse_from_import(Position from);
    static bool is_augassign(const Token& token, ast::BinaryOp& op);
    ExprPtr parse_yield_or_star_expressions();
    StmtPtr parse_expression_statement(Position from);

    // CPython's invalid_expression tries to read an expression after one that did not end the
    // statement; a tokenizer error met on the way (a bracket never closed) is the one reported.
    void look_ahead_for_tokenizer_error();

    // `print "hi"`: CPython's invalid_legacy_expression.
    void check_legacy_print(const ast::Expr& first);

    // `bare_yield[i]`: chain[i] is a yield expression without parentheses.
    void check_assignment_targets(const ExprList& chain, const std::vector<bool>& bare_yield);
    StmtPtr parse_annotated_assignment(ExprPtr target, bool parenthesized, Position from);
    bool annotation_follows();

    // --- compound statements --------------------------------------------------------------

    StmtPtr parse_decorated();
    StmtPtr parse_compound(std::string_view word, ExprList decorators);

    // `:` after a compound statement's header; a missing one before the newline has its own
    // message.
    void expect_colon(bool any_token_means_missing = false);

    // A suite: the statements on the header's line, or an indented block.
    StmtList parse_block(const std::string& after, std::uint32_t header_line);
    StmtPtr parse_if(const char* keyword);
    StmtList parse_else();
    StmtPtr parse_while();
    StmtPtr parse_for();

    // star_targets up to a keyword (`in`, `=`...): a Tuple when there is a comma.
    ExprPtr parse_targets(TargetsType type);
    StmtPtr parse_with();

    // `with (a as b, c as d):`: tried first, abandoned when the parentheses turn out to be
    // an expression's (`with (a, b) as c:` or `with (yield):`).
    bool try_parenthesized_with_items(std::vector<ast::WithItem>& items);
    ast::WithItem parse_with_item();
    ExprPtr parse_with_target();
    ExprPtr parse_star_target_single();
    StmtPtr parse_try();
    StmtPtr parse_function(ExprList decorators);
    StmtPtr parse_class(ExprList decorators);

    // Parameters of a def (annotations allowed) or a lambda, up to `closing`.
    ast::Arguments parse_parameters(std::string_view closing, bool annotations);

    // --- expressions ----------------------------------------------------------------------

    ExprPtr parse_star_expressions();
    bool can_start_expression();
    ExprPtr parse_star_expression();
    ExprPtr parse_star_named_expression();
    ExprPtr parse_named_expression();

    // `if x = 1:`: CPython's invalid_named_expression.
    void check_mistaken_assignment(const ast::Expr& e);
    ExprPtr parse_expression();
    ExprPtr parse_lambda();
    ExprPtr parse_disjunction();
    ExprPtr parse_conjunction();
    ExprPtr parse_inversion();
    bool comparison_operator(ast::CompareOp& op);
    ExprPtr parse_comparison();

    // The binary operators from `|` down to `*`, by precedence level (0 is `|`).
    static bool binary_operator(const Token& token, int level, ast::BinaryOp& op);
    ExprPtr parse_bitwise_or() { return parse_binary(0); }

    ExprPtr parse_binary(int level);
    ExprPtr parse_factor();
    ExprPtr parse_power();
    ExprPtr parse_await_primary();
    ExprPtr parse_primary();
    ExprPtr parse_call(ExprPtr func, Position from);
    ExprPtr parse_subscript(ExprPtr value, Position from);

    // `f(x for x in y)`: the generator expression spans the call's parentheses.
    void fix_lone_generator_location(ast::Call& call, Position open);
    void parse_call_arguments(ExprList& args, std::vector<ast::Keyword>& keywords,
                              bool allow_generator);
    ExprPtr parse_named_expression_in_call();
    // `f(*a=1)`, `f(**a=1)`: `kind` is "iterable" or "keyword".
    void check_assignment_to_unpacking(Position star, const char* kind);

    // Two expressions side by side inside brackets: CPython suggests a missing comma.
    void check_missing_comma(Position element_from);

    // The longest expression that parses from here, as a PEG parser finds it: `a if b` without
    // its `else` is the expression `a`.
    ExprPtr parse_expression_prefix();
    ExprPtr parse_slices();
    ExprPtr parse_slice();
    ExprPtr parse_yield_expression();

    // --- atoms ----------------------------------------------------------------------------

    ExprPtr parse_atom();
    ExprPtr parse_number_atom();
    ExprPtr parse_parenthesized();
    ExprPtr parse_list_display();
    ExprPtr parse_brace_display();

    // `{1:}`: CPython names the missing value, pointing at the colon.
    void check_value_after_colon();

    // The rest of a dict display after its first entry (null key: `**` entry next).
    ExprPtr parse_dict_rest(ExprPtr first_key, ExprPtr first_value, Position from);
    std::vector<ast::Comprehension> parse_comprehension_clauses();
    ExprPtr parse_generator_tail(ExprPtr elt, Position from);

    // --- strings and f-strings ------------------------------------------------------------

    // Adjacent literals, concatenated: a Constant, or a JoinedStr if any is an f-string.
    ExprPtr parse_strings();

    // Adds a literal piece, merged into the previous one when that is a literal too.
    static void append_literal(ExprList& parts, std::string value, const Token& token);
    static void append_literal(ExprList& parts, std::string value, const Location& where);
    void parse_fstring(ExprList& parts);
    std::string decode_fstring_literal(const Token& token, bool raw);

    // One `{expression[=][!conversion][:format_spec]}`.
    void parse_replacement_field(ExprList& parts, bool raw);
    ExprPtr parse_field_expression();
};

}  // namespace loopscope::script::grammar
