#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::script::ast {

// The abstract syntax tree of the Python 3.12 subset, shaped like CPython's `ast` module so that
// its documentation (https://docs.python.org/3.12/library/ast.html) describes ours: the same node
// names, the same fields. The parser builds it, the compiler walks it, nothing else keeps it.
//
// Positions are CPython's: lines from 1, columns from 0 counted in UTF-8 bytes of the line (as
// `col_offset`), end positions one past the last byte. Tracebacks and SyntaxErrors use them.
struct Location {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t end_line = 0;
    std::uint32_t end_column = 0;
};

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

// --- expressions -------------------------------------------------------------------------

enum class ExprContext : std::uint8_t { Load, Store, Del };

enum class BinaryOp : std::uint8_t {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
};
enum class UnaryOp : std::uint8_t { Invert, Not, UAdd, USub };
enum class BoolOp : std::uint8_t { And, Or };
enum class CompareOp : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

enum class ExprKind : std::uint8_t {
    BoolOp,          // values: a and b and c
    NamedExpr,       // target := value
    BinOp,           // left op right
    UnaryOp,         // op operand
    Lambda,          // lambda args: body
    IfExp,           // body if test else orelse
    Dict,            // {keys[i]: values[i]}; a null key is `**values[i]`
    Set,             // {elts}
    ListComp,        // [elt for ...]
    SetComp,         // {elt for ...}
    DictComp,        // {key: value for ...}
    GeneratorExp,    // (elt for ...)
    Await,           // await value
    Yield,           // yield value (value may be null)
    YieldFrom,       // yield from value
    Compare,         // left ops[0] comparators[0] ops[1] comparators[1] ...
    Call,            // func(args, keywords)
    FormattedValue,  // one {value!conversion:format_spec} inside an f-string
    JoinedStr,       // f"..."; values are Constant strings and FormattedValues
    Constant,        // None, True, False, int, float, str, bytes, Ellipsis
    Attribute,       // value.attr
    Subscript,       // value[slice]
    Starred,         // *value
    Name,            // id
    List,            // [elts]
    Tuple,           // (elts)
    Slice,           // lower:upper:step, each may be null
};

struct Expr {
    ExprKind kind;
    Location location;
    explicit Expr(ExprKind k) : kind(k) {}
    virtual ~Expr() = default;
    Expr(const Expr&) = delete;
    Expr& operator=(const Expr&) = delete;
};

// A node type knows its kind, so `make<ast::Name>()` and `as<ast::Name>(expr)` need no tag.
template <ExprKind K>
struct ExprOf : Expr {
    static constexpr ExprKind kKind = K;
    ExprOf() : Expr(K) {}
};

struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    ExprList ifs;
    bool is_async = false;
};

// A function's parameters, in CPython's layout.
struct Arg {
    std::string name;
    ExprPtr annotation;  // parsed and ignored by the compiler; may be null
    Location location;
};
struct Arguments {
    std::vector<Arg> posonlyargs;
    std::vector<Arg> args;
    std::optional<Arg> vararg;  // *args
    std::vector<Arg> kwonlyargs;
    ExprList kw_defaults;      // one per kwonlyarg; null where it has no default
    std::optional<Arg> kwarg;  // **kwargs
    ExprList defaults;         // for the last len(defaults) of posonlyargs + args
};

struct Keyword {
    std::optional<std::string> arg;  // empty optional: `**value`
    ExprPtr value;
    Location location;
};

struct BoolOpExpr : ExprOf<ExprKind::BoolOp> {
    BoolOp op{};
    ExprList values;
};
struct NamedExpr : ExprOf<ExprKind::NamedExpr> {
    ExprPtr target;  // a Name
    ExprPtr value;
};
struct BinOpExpr : ExprOf<ExprKind::BinOp> {
    ExprPtr left;
    BinaryOp op{};
    ExprPtr right;
};
struct UnaryOpExpr : ExprOf<ExprKind::UnaryOp> {
    UnaryOp op{};
    ExprPtr operand;
};
struct Lambda : ExprOf<ExprKind::Lambda> {
    Arguments args;
    ExprPtr body;
};
struct IfExp : ExprOf<ExprKind::IfExp> {
    ExprPtr test;
    ExprPtr body;
    ExprPtr orelse;
};
struct Dict : ExprOf<ExprKind::Dict> {
    ExprList keys;  // null entry: `**values[i]`
    ExprList values;
};
struct Set : ExprOf<ExprKind::Set> {
    ExprList elts;
};
struct ListComp : ExprOf<ExprKind::ListComp> {
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
struct SetComp : ExprOf<ExprKind::SetComp> {
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
struct DictComp : ExprOf<ExprKind::DictComp> {
    ExprPtr key;
    ExprPtr value;
    std::vector<Comprehension> generators;
};
struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> {
    ExprPtr elt;
    std::vector<Comprehension> generators;
};
struct Await : ExprOf<ExprKind::Await> {
    ExprPtr value;
};
struct Yield : ExprOf<ExprKind::Yield> {
    ExprPtr value;  // may be null
};
struct YieldFrom : ExprOf<ExprKind::YieldFrom> {
    ExprPtr value;
};
struct Compare : ExprOf<ExprKind::Compare> {
    ExprPtr left;
    std::vector<CompareOp> ops;
    ExprList comparators;
};
struct Call : ExprOf<ExprKind::Call> {
    ExprPtr func;
    ExprList args;  // may contain Starred
    std::vector<Keyword> keywords;
};
struct FormattedValue : ExprOf<ExprKind::FormattedValue> {
    ExprPtr value;
    int conversion = -1;  // -1 none, 's', 'r', 'a'
    ExprPtr format_spec;  // a JoinedStr, or null
};
struct JoinedStr : ExprOf<ExprKind::JoinedStr> {
    ExprList values;
};

// A literal. Python's int is arbitrary precision; ours is 64-bit (docs/SCRIPTS.md), and a
// literal that does not fit is a SyntaxError-free OverflowError at compile time.
struct Constant : ExprOf<ExprKind::Constant> {
    enum class Type : std::uint8_t { None, True, False, Int, Float, Str, Bytes, Ellipsis };
    Type type = Type::None;
    std::int64_t int_value = 0;
    double float_value = 0.0;
    std::string str_value;  // UTF-8 for Str, raw bytes for Bytes
};
struct Attribute : ExprOf<ExprKind::Attribute> {
    ExprPtr value;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
};
struct Subscript : ExprOf<ExprKind::Subscript> {
    ExprPtr value;
    ExprPtr slice;  // a Slice, a Tuple (of slices or values) or any expression
    ExprContext ctx = ExprContext::Load;
};
struct Starred : ExprOf<ExprKind::Starred> {
    ExprPtr value;
    ExprContext ctx = ExprContext::Load;
};
struct Name : ExprOf<ExprKind::Name> {
    std::string id;
    ExprContext ctx = ExprContext::Load;
};
struct List : ExprOf<ExprKind::List> {
    ExprList elts;
    ExprContext ctx = ExprContext::Load;
};
struct Tuple : ExprOf<ExprKind::Tuple> {
    ExprList elts;
    ExprContext ctx = ExprContext::Load;
};
struct Slice : ExprOf<ExprKind::Slice> {
    ExprPtr lower;
    ExprPtr upper;
    ExprPtr step;
};

// --- statements --------------------------------------------------------------------------

enum class StmtKind : std::uint8_t {
    FunctionDef,
    AsyncFunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    AsyncFor,
    While,
    If,
    With,
    AsyncWith,
    Raise,
    Try,
    TryStar,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    Expr,
    Pass,
    Break,
    Continue,
};

struct Stmt {
    StmtKind kind;
    Location location;
    explicit Stmt(StmtKind k) : kind(k) {}
    virtual ~Stmt() = default;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
};

template <StmtKind K>
struct StmtOf : Stmt {
    static constexpr StmtKind kKind = K;
    StmtOf() : Stmt(K) {}
};

// `def` and `async def` share one node; `is_async` tells them apart (CPython has two).
struct FunctionDef : Stmt {
    static constexpr StmtKind kKind = StmtKind::FunctionDef;
    FunctionDef() : Stmt(StmtKind::FunctionDef) {}
    std::string name;
    Arguments args;
    StmtList body;
    ExprList decorator_list;
    ExprPtr returns;        // annotation, ignored; may be null
    bool is_async = false;  // kind is AsyncFunctionDef when true
};
struct ClassDef : StmtOf<StmtKind::ClassDef> {
    std::string name;
    ExprList bases;
    std::vector<Keyword> keywords;
    StmtList body;
    ExprList decorator_list;
};
struct Return : StmtOf<StmtKind::Return> {
    ExprPtr value;  // may be null
};
struct Delete : StmtOf<StmtKind::Delete> {
    ExprList targets;
};
struct Assign : StmtOf<StmtKind::Assign> {
    ExprList targets;  // a = b = value has two
    ExprPtr value;
};
struct AugAssign : StmtOf<StmtKind::AugAssign> {
    ExprPtr target;
    BinaryOp op{};
    ExprPtr value;
};
struct AnnAssign : StmtOf<StmtKind::AnnAssign> {
    ExprPtr target;
    ExprPtr annotation;
    ExprPtr value;  // may be null
    bool simple = true;
};
// `for` and `async for` share one node, as do `with` and `async with`.
struct For : Stmt {
    static constexpr StmtKind kKind = StmtKind::For;
    For() : Stmt(StmtKind::For) {}
    ExprPtr target;
    ExprPtr iter;
    StmtList body;
    StmtList orelse;
    bool is_async = false;  // kind is AsyncFor when true
};
struct While : StmtOf<StmtKind::While> {
    ExprPtr test;
    StmtList body;
    StmtList orelse;
};
struct If : StmtOf<StmtKind::If> {
    ExprPtr test;
    StmtList body;
    StmtList orelse;  // an elif is an If alone in orelse
};
struct WithItem {
    ExprPtr context_expr;
    ExprPtr optional_vars;  // may be null
};
struct With : Stmt {
    static constexpr StmtKind kKind = StmtKind::With;
    With() : Stmt(StmtKind::With) {}
    std::vector<WithItem> items;
    StmtList body;
    bool is_async = false;  // kind is AsyncWith when true
};
struct Raise : StmtOf<StmtKind::Raise> {
    ExprPtr exc;    // may be null: bare `raise`
    ExprPtr cause;  // may be null
};
struct ExceptHandler {
    ExprPtr type;  // may be null: bare `except:`
    std::optional<std::string> name;
    StmtList body;
    Location location;
};
// `try` and `try ... except*` share one node; `is_star` tells them apart.
struct Try : Stmt {
    static constexpr StmtKind kKind = StmtKind::Try;
    Try() : Stmt(StmtKind::Try) {}
    StmtList body;
    std::vector<ExceptHandler> handlers;
    StmtList orelse;
    StmtList finalbody;
    bool is_star = false;  // kind is TryStar when true
};
struct Assert : StmtOf<StmtKind::Assert> {
    ExprPtr test;
    ExprPtr msg;  // may be null
};
struct Alias {
    std::string name;  // dotted for `import a.b`; "*" for `from m import *`
    std::optional<std::string> asname;
    Location location;
};
struct Import : StmtOf<StmtKind::Import> {
    std::vector<Alias> names;
};
struct ImportFrom : StmtOf<StmtKind::ImportFrom> {
    std::string module;  // may be empty for `from . import x`
    std::vector<Alias> names;
    int level = 0;  // leading dots
};
struct Global : StmtOf<StmtKind::Global> {
    std::vector<std::string> names;
};
struct Nonlocal : StmtOf<StmtKind::Nonlocal> {
    std::vector<std::string> names;
};
struct ExprStmt : StmtOf<StmtKind::Expr> {
    ExprPtr value;
};
struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

struct Module {
    StmtList body;
    std::optional<std::string> docstring;  // the first statement, if a string literal
};

// `as<ast::Name>(expr)`: the node as its type; the caller has checked `kind`.
template <class Node>
Node& as(Expr& expr) {
    return static_cast<Node&>(expr);
}
template <class Node>
const Node& as(const Expr& expr) {
    return static_cast<const Node&>(expr);
}
template <class Node>
Node& as(Stmt& stmt) {
    return static_cast<Node&>(stmt);
}
template <class Node>
const Node& as(const Stmt& stmt) {
    return static_cast<const Node&>(stmt);
}

}  // namespace loopscope::script::ast
