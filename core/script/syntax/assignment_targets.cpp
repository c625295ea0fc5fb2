#include "script/syntax/assignment_targets.h"

namespace loopscope::script::grammar {

using ast::ExprKind;
using ast::ExprList;
using ast::ExprPtr;

const char* expr_name(const ast::Expr& e) {
    switch (e.kind) {
        case ExprKind::Attribute:
            return "attribute";
        case ExprKind::Subscript:
            return "subscript";
        case ExprKind::Starred:
            return "starred";
        case ExprKind::Name:
            return "name";
        case ExprKind::List:
            return "list";
        case ExprKind::Tuple:
            return "tuple";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::Call:
            return "function call";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp:
            return "expression";
        case ExprKind::GeneratorExp:
            return "generator expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            return "yield expression";
        case ExprKind::Await:
            return "await expression";
        case ExprKind::ListComp:
            return "list comprehension";
        case ExprKind::SetComp:
            return "set comprehension";
        case ExprKind::DictComp:
            return "dict comprehension";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::Set:
            return "set display";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            return "f-string expression";
        case ExprKind::Constant: {
            const auto& c = ast::as<ast::Constant>(e);
            switch (c.type) {
                case ast::Constant::Type::None:
                    return "None";
                case ast::Constant::Type::True:
                    return "True";
                case ast::Constant::Type::False:
                    return "False";
                case ast::Constant::Type::Ellipsis:
                    return "ellipsis";
                default:
                    return "literal";
            }
        }
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::NamedExpr:
            return "named expression";
        default:
            return "expression";
    }
}

const ast::Expr* invalid_target(const ast::Expr& e, TargetsType type) {
    switch (e.kind) {
        case ExprKind::List:
        case ExprKind::Tuple: {
            const ExprList& elts =
                e.kind == ExprKind::List ? ast::as<ast::List>(e).elts : ast::as<ast::Tuple>(e).elts;
            for (const ExprPtr& elt : elts) {
                if (const ast::Expr* bad = invalid_target(*elt, type)) {
                    return bad;
                }
            }
            return nullptr;
        }
        case ExprKind::Starred:
            if (type == TargetsType::Del) {
                return &e;
            }
            return invalid_target(*ast::as<ast::Starred>(e).value, type);
        case ExprKind::Compare:
            if (type == TargetsType::For) {
                const auto& compare = ast::as<ast::Compare>(e);
                if (compare.ops[0] == ast::CompareOp::In) {
                    return invalid_target(*compare.left, type);
                }
                return nullptr;
            }
            return &e;
        case ExprKind::Name:
        case ExprKind::Subscript:
        case ExprKind::Attribute:
            return nullptr;
        default:
            return &e;
    }
}

void set_context(ast::Expr& e, ast::ExprContext ctx) {
    switch (e.kind) {
        case ExprKind::Name:
            ast::as<ast::Name>(e).ctx = ctx;
            break;
        case ExprKind::Attribute:
            ast::as<ast::Attribute>(e).ctx = ctx;
            break;
        case ExprKind::Subscript:
            ast::as<ast::Subscript>(e).ctx = ctx;
            break;
        case ExprKind::Starred:
            ast::as<ast::Starred>(e).ctx = ctx;
            set_context(*ast::as<ast::Starred>(e).value, ctx);
            break;
        case ExprKind::List:
            ast::as<ast::List>(e).ctx = ctx;
            for (ExprPtr& elt : ast::as<ast::List>(e).elts) {
                set_context(*elt, ctx);
            }
            break;
        case ExprKind::Tuple:
            ast::as<ast::Tuple>(e).ctx = ctx;
            for (ExprPtr& elt : ast::as<ast::Tuple>(e).elts) {
                set_context(*elt, ctx);
            }
            break;
        default:
            break;
    }
}

bool is_constant_named(const ast::Expr& e) {
    if (e.kind != ExprKind::Constant) {
        return false;
    }
    auto type = ast::as<ast::Constant>(e).type;
    return type == ast::Constant::Type::None || type == ast::Constant::Type::True ||
           type == ast::Constant::Type::False;
}

bool is_bitwise_or_level(const ast::Expr& e) {
    switch (e.kind) {
        case ExprKind::BoolOp:
        case ExprKind::NamedExpr:
        case ExprKind::Lambda:
        case ExprKind::IfExp:
        case ExprKind::Compare:
        case ExprKind::Starred:
            return false;
        case ExprKind::UnaryOp:
            return ast::as<ast::UnaryOpExpr>(e).op != ast::UnaryOp::Not;
        default:
            return true;
    }
}

}  // namespace loopscope::script::grammar
