#include "script/syntax/ast_dump.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "script/syntax/utf8.h"

namespace loopscope::script {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using ast::StmtKind;

const char* binary_op_name(ast::BinaryOp op) {
    switch (op) {
        case ast::BinaryOp::Add:
            return "Add()";
        case ast::BinaryOp::Sub:
            return "Sub()";
        case ast::BinaryOp::Mult:
            return "Mult()";
        case ast::BinaryOp::MatMult:
            return "MatMult()";
        case ast::BinaryOp::Div:
            return "Div()";
        case ast::BinaryOp::Mod:
            return "Mod()";
        case ast::BinaryOp::Pow:
            return "Pow()";
        case ast::BinaryOp::LShift:
            return "LShift()";
        case ast::BinaryOp::RShift:
            return "RShift()";
        case ast::BinaryOp::BitOr:
            return "BitOr()";
        case ast::BinaryOp::BitXor:
            return "BitXor()";
        case ast::BinaryOp::BitAnd:
            return "BitAnd()";
        case ast::BinaryOp::FloorDiv:
            return "FloorDiv()";
    }
    return "?";
}

const char* unary_op_name(ast::UnaryOp op) {
    switch (op) {
        case ast::UnaryOp::Invert:
            return "Invert()";
        case ast::UnaryOp::Not:
            return "Not()";
        case ast::UnaryOp::UAdd:
            return "UAdd()";
        case ast::UnaryOp::USub:
            return "USub()";
    }
    return "?";
}

const char* compare_op_name(ast::CompareOp op) {
    switch (op) {
        case ast::CompareOp::Eq:
            return "Eq()";
        case ast::CompareOp::NotEq:
            return "NotEq()";
        case ast::CompareOp::Lt:
            return "Lt()";
        case ast::CompareOp::LtE:
            return "LtE()";
        case ast::CompareOp::Gt:
            return "Gt()";
        case ast::CompareOp::GtE:
            return "GtE()";
        case ast::CompareOp::Is:
            return "Is()";
        case ast::CompareOp::IsNot:
            return "IsNot()";
        case ast::CompareOp::In:
            return "In()";
        case ast::CompareOp::NotIn:
            return "NotIn()";
    }
    return "?";
}

const char* context_name(ast::ExprContext ctx) {
    switch (ctx) {
        case ast::ExprContext::Load:
            return "Load()";
        case ast::ExprContext::Store:
            return "Store()";
        case ast::ExprContext::Del:
            return "Del()";
    }
    return "?";
}

// Writes one node as `Name(field=value, ...)`; fields whose value is None are left out, as
// ast.dump leaves out optional fields that are None.
class Dumper {
public:
    explicit Dumper(bool include_attributes) : attributes_(include_attributes) {}

    std::string module(const ast::Module& m) {
        out_ += "Module(body=";
        statements(m.body);
        out_ += ", type_ignores=[])";
        return std::move(out_);
    }

private:
    std::string out_;
    bool attributes_;
    bool first_field_ = true;

    void open(const char* name) {
        out_ += name;
        out_ += '(';
        first_field_ = true;
    }
    void field(const char* name) {
        if (!first_field_) {
            out_ += ", ";
        }
        first_field_ = false;
        out_ += name;
        out_ += '=';
    }
    void close(const ast::Location* location) {
        if (attributes_ && location != nullptr) {
            bool first = first_field_;
            if (!first) {
                out_ += ", ";
            }
            out_ += "lineno=" + std::to_string(location->line) +
                    ", col_offset=" + std::to_string(location->column) +
                    ", end_lineno=" + std::to_string(location->end_line) +
                    ", end_col_offset=" + std::to_string(location->end_column);
        }
        out_ += ')';
        first_field_ = false;
    }
    // Nested nodes reset first_field_; each helper restores the caller's state after itself.
    template <class F>
    void nested(F&& write) {
        bool saved = first_field_;
        write();
        first_field_ = saved;
    }

    void statements(const ast::StmtList& list) {
        out_ += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) {
                out_ += ", ";
            }
            nested([&] { statement(*list[i]); });
        }
        out_ += ']';
    }
    void expressions(const ast::ExprList& list) {
        out_ += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) {
                out_ += ", ";
            }
            if (list[i]) {
                nested([&] { expression(*list[i]); });
            } else {
                out_ += "None";
            }
        }
        out_ += ']';
    }
    void expr_field(const char* name, const ast::ExprPtr& e) {
        if (!e) {
            return;
        }
        field(name);
        nested([&] { expression(*e); });
    }
    void required_expr_field(const char* name, const ast::ExprPtr& e) {
        field(name);
        if (e) {
            nested([&] { expression(*e); });
        } else {
            out_ += "None";
        }
    }
    void list_field(const char* name, const ast::ExprList& list) {
        field(name);
        expressions(list);
    }
    void stmts_field(const char* name, const ast::StmtList& list) {
        field(name);
        statements(list);
    }
    void raw_field(const char* name, const std::string& text) {
        field(name);
        out_ += text;
    }
    void names_field(const char* name, const std::vector<std::string>& names) {
        field(name);
        out_ += '[';
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i > 0) {
                out_ += ", ";
            }
            out_ += python_repr_str(names[i]);
        }
        out_ += ']';
    }

    void arg(const ast::Arg& a) {
        open("arg");
        raw_field("arg", python_repr_str(a.name));
        expr_field("annotation", a.annotation);
        close(&a.location);
    }
    void arg_list(const char* name, const std::vector<ast::Arg>& args) {
        field(name);
        out_ += '[';
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i > 0) {
                out_ += ", ";
            }
            nested([&] { arg(args[i]); });
        }
        out_ += ']';
    }
    void arguments(const ast::Arguments& a) {
        open("arguments");
        arg_list("posonlyargs", a.posonlyargs);
        arg_list("args", a.args);
        if (a.vararg) {
            field("vararg");
            nested([&] { arg(*a.vararg); });
        }
        arg_list("kwonlyargs", a.kwonlyargs);
        list_field("kw_defaults", a.kw_defaults);
        if (a.kwarg) {
            field("kwarg");
            nested([&] { arg(*a.kwarg); });
        }
        list_field("defaults", a.defaults);
        close(nullptr);
    }
    void keywords(const std::vector<ast::Keyword>& list) {
        field("keywords");
        out_ += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) {
                out_ += ", ";
            }
            nested([&] {
                open("keyword");
                if (list[i].arg) {
                    raw_field("arg", python_repr_str(*list[i].arg));
                }
                required_expr_field("value", list[i].value);
                close(&list[i].location);
            });
        }
        out_ += ']';
    }
    void comprehensions(const std::vector<ast::Comprehension>& list) {
        field("generators");
        out_ += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) {
                out_ += ", ";
            }
            nested([&] {
                open("comprehension");
                required_expr_field("target", list[i].target);
                required_expr_field("iter", list[i].iter);
                list_field("ifs", list[i].ifs);
                raw_field("is_async", list[i].is_async ? "1" : "0");
                close(nullptr);
            });
        }
        out_ += ']';
    }
    void aliases(const std::vector<ast::Alias>& list) {
        field("names");
        out_ += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) {
                out_ += ", ";
            }
            nested([&] {
                open("alias");
                raw_field("name", python_repr_str(list[i].name));
                if (list[i].asname) {
                    raw_field("asname", python_repr_str(*list[i].asname));
                }
                close(&list[i].location);
            });
        }
        out_ += ']';
    }

    void statement(const Stmt& s) {
        switch (s.kind) {
            case StmtKind::FunctionDef:
            case StmtKind::AsyncFunctionDef: {
                const auto& n = ast::as<ast::FunctionDef>(s);
                open(n.is_async ? "AsyncFunctionDef" : "FunctionDef");
                raw_field("name", python_repr_str(n.name));
                field("args");
                nested([&] { arguments(n.args); });
                stmts_field("body", n.body);
                list_field("decorator_list", n.decorator_list);
                expr_field("returns", n.returns);
                raw_field("type_params", "[]");
                break;
            }
            case StmtKind::ClassDef: {
                const auto& n = ast::as<ast::ClassDef>(s);
                open("ClassDef");
                raw_field("name", python_repr_str(n.name));
                list_field("bases", n.bases);
                keywords(n.keywords);
                stmts_field("body", n.body);
                list_field("decorator_list", n.decorator_list);
                raw_field("type_params", "[]");
                break;
            }
            case StmtKind::Return:
                open("Return");
                expr_field("value", ast::as<ast::Return>(s).value);
                break;
            case StmtKind::Delete:
                open("Delete");
                list_field("targets", ast::as<ast::Delete>(s).targets);
                break;
            case StmtKind::Assign: {
                const auto& n = ast::as<ast::Assign>(s);
                open("Assign");
                list_field("targets", n.targets);
                required_expr_field("value", n.value);
                break;
            }
            case StmtKind::AugAssign: {
                const auto& n = ast::as<ast::AugAssign>(s);
                open("AugAssign");
                required_expr_field("target", n.target);
                raw_field("op", binary_op_name(n.op));
                required_expr_field("value", n.value);
                break;
            }
            case StmtKind::AnnAssign: {
                const auto& n = ast::as<ast::AnnAssign>(s);
                open("AnnAssign");
                required_expr_field("target", n.target);
                required_expr_field("annotation", n.annotation);
                expr_field("value", n.value);
                raw_field("simple", n.simple ? "1" : "0");
                break;
            }
            case StmtKind::For:
            case StmtKind::AsyncFor: {
                const auto& n = ast::as<ast::For>(s);
                open(n.is_async ? "AsyncFor" : "For");
                required_expr_field("target", n.target);
                required_expr_field("iter", n.iter);
                stmts_field("body", n.body);
                stmts_field("orelse", n.orelse);
                break;
            }
            case StmtKind::While: {
                const auto& n = ast::as<ast::While>(s);
                open("While");
                required_expr_field("test", n.test);
                stmts_field("body", n.body);
                stmts_field("orelse", n.orelse);
                break;
            }
            case StmtKind::If: {
                const auto& n = ast::as<ast::If>(s);
                open("If");
                required_expr_field("test", n.test);
                stmts_field("body", n.body);
                stmts_field("orelse", n.orelse);
                break;
            }
            case StmtKind::With:
            case StmtKind::AsyncWith: {
                const auto& n = ast::as<ast::With>(s);
                open(n.is_async ? "AsyncWith" : "With");
                field("items");
                out_ += '[';
                for (std::size_t i = 0; i < n.items.size(); ++i) {
                    if (i > 0) {
                        out_ += ", ";
                    }
                    nested([&] {
                        open("withitem");
                        required_expr_field("context_expr", n.items[i].context_expr);
                        expr_field("optional_vars", n.items[i].optional_vars);
                        close(nullptr);
                    });
                }
                out_ += ']';
                stmts_field("body", n.body);
                break;
            }
            case StmtKind::Raise: {
                const auto& n = ast::as<ast::Raise>(s);
                open("Raise");
                expr_field("exc", n.exc);
                expr_field("cause", n.cause);
                break;
            }
            case StmtKind::Try:
            case StmtKind::TryStar: {
                const auto& n = ast::as<ast::Try>(s);
                open(n.is_star ? "TryStar" : "Try");
                stmts_field("body", n.body);
                field("handlers");
                out_ += '[';
                for (std::size_t i = 0; i < n.handlers.size(); ++i) {
                    if (i > 0) {
                        out_ += ", ";
                    }
                    const ast::ExceptHandler& h = n.handlers[i];
                    nested([&] {
                        open("ExceptHandler");
                        expr_field("type", h.type);
                        if (h.name) {
                            raw_field("name", python_repr_str(*h.name));
                        }
                        stmts_field("body", h.body);
                        close(&h.location);
                    });
                }
                out_ += ']';
                stmts_field("orelse", n.orelse);
                stmts_field("finalbody", n.finalbody);
                break;
            }
            case StmtKind::Assert: {
                const auto& n = ast::as<ast::Assert>(s);
                open("Assert");
                required_expr_field("test", n.test);
                expr_field("msg", n.msg);
                break;
            }
            case StmtKind::Import:
                open("Import");
                aliases(ast::as<ast::Import>(s).names);
                break;
            case StmtKind::ImportFrom: {
                const auto& n = ast::as<ast::ImportFrom>(s);
                open("ImportFrom");
                if (!n.module.empty()) {
                    raw_field("module", python_repr_str(n.module));
                }
                aliases(n.names);
                raw_field("level", std::to_string(n.level));
                break;
            }
            case StmtKind::Global:
                open("Global");
                names_field("names", ast::as<ast::Global>(s).names);
                break;
            case StmtKind::Nonlocal:
                open("Nonlocal");
                names_field("names", ast::as<ast::Nonlocal>(s).names);
                break;
            case StmtKind::Expr:
                open("Expr");
                required_expr_field("value", ast::as<ast::ExprStmt>(s).value);
                break;
            case StmtKind::Pass:
                open("Pass");
                break;
            case StmtKind::Break:
                open("Break");
                break;
            case StmtKind::Continue:
                open("Continue");
                break;
        }
        close(&s.location);
    }

    void constant(const ast::Constant& c) {
        std::string value;
        switch (c.type) {
            case ast::Constant::Type::None:
                value = "None";
                break;
            case ast::Constant::Type::True:
                value = "True";
                break;
            case ast::Constant::Type::False:
                value = "False";
                break;
            case ast::Constant::Type::Ellipsis:
                value = "Ellipsis";
                break;
            case ast::Constant::Type::Int:
                value = std::to_string(c.int_value);
                break;
            case ast::Constant::Type::Float:
                value = python_repr_float(c.float_value);
                break;
            case ast::Constant::Type::Str:
                value = python_repr_str(c.str_value);
                break;
            case ast::Constant::Type::Bytes:
                value = python_repr_bytes(c.str_value);
                break;
        }
        raw_field("value", value);
    }

    void expression(const Expr& e) {
        switch (e.kind) {
            case ExprKind::BoolOp: {
                const auto& n = ast::as<ast::BoolOpExpr>(e);
                open("BoolOp");
                raw_field("op", n.op == ast::BoolOp::And ? "And()" : "Or()");
                list_field("values", n.values);
                break;
            }
            case ExprKind::NamedExpr: {
                const auto& n = ast::as<ast::NamedExpr>(e);
                open("NamedExpr");
                required_expr_field("target", n.target);
                required_expr_field("value", n.value);
                break;
            }
            case ExprKind::BinOp: {
                const auto& n = ast::as<ast::BinOpExpr>(e);
                open("BinOp");
                required_expr_field("left", n.left);
                raw_field("op", binary_op_name(n.op));
                required_expr_field("right", n.right);
                break;
            }
            case ExprKind::UnaryOp: {
                const auto& n = ast::as<ast::UnaryOpExpr>(e);
                open("UnaryOp");
                raw_field("op", unary_op_name(n.op));
                required_expr_field("operand", n.operand);
                break;
            }
            case ExprKind::Lambda: {
                const auto& n = ast::as<ast::Lambda>(e);
                open("Lambda");
                field("args");
                nested([&] { arguments(n.args); });
                required_expr_field("body", n.body);
                break;
            }
            case ExprKind::IfExp: {
                const auto& n = ast::as<ast::IfExp>(e);
                open("IfExp");
                required_expr_field("test", n.test);
                required_expr_field("body", n.body);
                required_expr_field("orelse", n.orelse);
                break;
            }
            case ExprKind::Dict: {
                const auto& n = ast::as<ast::Dict>(e);
                open("Dict");
                list_field("keys", n.keys);
                list_field("values", n.values);
                break;
            }
            case ExprKind::Set:
                open("Set");
                list_field("elts", ast::as<ast::Set>(e).elts);
                break;
            case ExprKind::ListComp: {
                const auto& n = ast::as<ast::ListComp>(e);
                open("ListComp");
                required_expr_field("elt", n.elt);
                comprehensions(n.generators);
                break;
            }
            case ExprKind::SetComp: {
                const auto& n = ast::as<ast::SetComp>(e);
                open("SetComp");
                required_expr_field("elt", n.elt);
                comprehensions(n.generators);
                break;
            }
            case ExprKind::DictComp: {
                const auto& n = ast::as<ast::DictComp>(e);
                open("DictComp");
                required_expr_field("key", n.key);
                required_expr_field("value", n.value);
                comprehensions(n.generators);
                break;
            }
            case ExprKind::GeneratorExp: {
                const auto& n = ast::as<ast::GeneratorExp>(e);
                open("GeneratorExp");
                required_expr_field("elt", n.elt);
                comprehensions(n.generators);
                break;
            }
            case ExprKind::Await:
                open("Await");
                required_expr_field("value", ast::as<ast::Await>(e).value);
                break;
            case ExprKind::Yield:
                open("Yield");
                expr_field("value", ast::as<ast::Yield>(e).value);
                break;
            case ExprKind::YieldFrom:
                open("YieldFrom");
                required_expr_field("value", ast::as<ast::YieldFrom>(e).value);
                break;
            case ExprKind::Compare: {
                const auto& n = ast::as<ast::Compare>(e);
                open("Compare");
                required_expr_field("left", n.left);
                field("ops");
                out_ += '[';
                for (std::size_t i = 0; i < n.ops.size(); ++i) {
                    if (i > 0) {
                        out_ += ", ";
                    }
                    out_ += compare_op_name(n.ops[i]);
                }
                out_ += ']';
                list_field("comparators", n.comparators);
                break;
            }
            case ExprKind::Call: {
                const auto& n = ast::as<ast::Call>(e);
                open("Call");
                required_expr_field("func", n.func);
                list_field("args", n.args);
                keywords(n.keywords);
                break;
            }
            case ExprKind::FormattedValue: {
                const auto& n = ast::as<ast::FormattedValue>(e);
                open("FormattedValue");
                required_expr_field("value", n.value);
                raw_field("conversion", std::to_string(n.conversion));
                expr_field("format_spec", n.format_spec);
                break;
            }
            case ExprKind::JoinedStr:
                open("JoinedStr");
                list_field("values", ast::as<ast::JoinedStr>(e).values);
                break;
            case ExprKind::Constant:
                open("Constant");
                constant(ast::as<ast::Constant>(e));
                break;
            case ExprKind::Attribute: {
                const auto& n = ast::as<ast::Attribute>(e);
                open("Attribute");
                required_expr_field("value", n.value);
                raw_field("attr", python_repr_str(n.attr));
                raw_field("ctx", context_name(n.ctx));
                break;
            }
            case ExprKind::Subscript: {
                const auto& n = ast::as<ast::Subscript>(e);
                open("Subscript");
                required_expr_field("value", n.value);
                required_expr_field("slice", n.slice);
                raw_field("ctx", context_name(n.ctx));
                break;
            }
            case ExprKind::Starred: {
                const auto& n = ast::as<ast::Starred>(e);
                open("Starred");
                required_expr_field("value", n.value);
                raw_field("ctx", context_name(n.ctx));
                break;
            }
            case ExprKind::Name: {
                const auto& n = ast::as<ast::Name>(e);
                open("Name");
                raw_field("id", python_repr_str(n.id));
                raw_field("ctx", context_name(n.ctx));
                break;
            }
            case ExprKind::List: {
                const auto& n = ast::as<ast::List>(e);
                open("List");
                list_field("elts", n.elts);
                raw_field("ctx", context_name(n.ctx));
                break;
            }
            case ExprKind::Tuple: {
                const auto& n = ast::as<ast::Tuple>(e);
                open("Tuple");
                list_field("elts", n.elts);
                raw_field("ctx", context_name(n.ctx));
                break;
            }
            case ExprKind::Slice: {
                const auto& n = ast::as<ast::Slice>(e);
                open("Slice");
                expr_field("lower", n.lower);
                expr_field("upper", n.upper);
                expr_field("step", n.step);
                break;
            }
        }
        close(&e.location);
    }
};

void append_hex_escape(std::string& out, char32_t cp) {
    char buffer[16];
    if (cp < 0x100) {
        std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(cp));
    } else if (cp < 0x10000) {
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
    } else {
        std::snprintf(buffer, sizeof buffer, "\\U%08x", static_cast<unsigned>(cp));
    }
    out += buffer;
}

}  // namespace

std::string python_repr_str(std::string_view text) {
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    std::size_t i = 0;
    while (i < text.size()) {
        Utf8CodePoint cp = decode_utf8(text, i);
        i += cp.length;
        char32_t c = cp.value;
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x80 && c >= 0x20 && c != 0x7F) {
            out += static_cast<char>(c);
        } else if (c >= 0x80 && is_printable_code_point(c)) {
            out += encode_utf8(c);
        } else {
            append_hex_escape(out, c);
        }
    }
    out += quote;
    return out;
}

std::string python_repr_bytes(std::string_view bytes) {
    bool has_single = bytes.find('\'') != std::string_view::npos;
    bool has_double = bytes.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c >= 0x7F) {
            append_hex_escape(out, c);
        } else {
            out += ch;
        }
    }
    out += quote;
    return out;
}

// repr(float): the shortest digits that read back as the same double, in fixed notation for
// exponents -4..15 and scientific notation beyond (float_repr_style 'short').
std::string python_repr_float(double value) {
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value > 0 ? "inf" : "-inf";
    }
    char buffer[64];
    int precision = 1;
    for (; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, value);
        if (std::strtod(buffer, nullptr) == value) {
            break;
        }
    }
    // buffer is "[-]d.ddde[+-]XX": split into sign, digits and exponent.
    std::string text = buffer;
    bool negative = text[0] == '-';
    if (negative) {
        text.erase(0, 1);
    }
    std::size_t e = text.find('e');
    int exponent = std::atoi(text.c_str() + e + 1);
    std::string digits;
    for (std::size_t i = 0; i < e; ++i) {
        if (text[i] != '.') {
            digits += text[i];
        }
    }
    while (digits.size() > 1 && digits.back() == '0') {
        digits.pop_back();
    }
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        } else {
            auto integer_digits = static_cast<std::size_t>(exponent + 1);
            if (digits.size() <= integer_digits) {
                out += digits + std::string(integer_digits - digits.size(), '0') + ".0";
            } else {
                out += digits.substr(0, integer_digits) + "." + digits.substr(integer_digits);
            }
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1) {
        out += "." + digits.substr(1);
    }
    char exponent_text[16];
    std::snprintf(exponent_text, sizeof exponent_text, "e%c%02d", exponent < 0 ? '-' : '+',
                  exponent < 0 ? -exponent : exponent);
    out += exponent_text;
    return out;
}

std::string dump_ast(const ast::Module& module, bool include_attributes) {
    return Dumper(include_attributes).module(module);
}

}  // namespace loopscope::script
