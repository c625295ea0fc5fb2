#pragma once

#include "script/syntax/ast.h"

// What may stand on the left of `=`, after `del` or `for`, and how CPython's messages name the
// expressions that may not.
namespace loopscope::script::grammar {

// CPython's _PyPegen_get_expr_name: how error messages call an expression.
const char* expr_name(const ast::Expr& e);

enum class TargetsType { Star, Del, For };

// CPython's _PyPegen_get_invalid_target: the part of `e` that cannot be assigned (or deleted).
const ast::Expr* invalid_target(const ast::Expr& e, TargetsType type);

// Marks `e` and the names inside its tuples, lists and starred parts as stored or deleted.
void set_context(ast::Expr& e, ast::ExprContext ctx);

// None, True or False.
bool is_constant_named(const ast::Expr& e);

// Precedence level: can `e` stand where CPython's grammar wants a bitwise_or?
bool is_bitwise_or_level(const ast::Expr& e);

}  // namespace loopscope::script::grammar
