#pragma once

#include <string>

#include "script/syntax/ast.h"

namespace loopscope::script {

// The text CPython 3.12's `ast.dump(tree, include_attributes=...)` prints for the same tree, so
// tests can compare our parser with CPython's recordings.
std::string dump_ast(const ast::Module& module, bool include_attributes = false);

// Python's repr() of a str, a bytes and a float, as ast.dump shows constants.
std::string python_repr_str(std::string_view utf8);
std::string python_repr_bytes(std::string_view bytes);
std::string python_repr_float(double value);

}  // namespace loopscope::script
