#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "script/syntax/ast.h"
#include "script/syntax/parser.h"
#include "script/vm/code.h"

namespace loopscope::script {
class Runtime;
}

namespace loopscope::script::vm {

struct CompileOutcome {
    std::shared_ptr<CodeObject> code;      // set on success
    std::optional<SyntaxErrorInfo> error;  // a compile-time SyntaxError in CPython's words
};

// Compiles a parsed module to its code object (and its nested functions, classes and
// comprehensions). `source` gives SyntaxErrors their line text.
CompileOutcome compile_module(Runtime& rt, const ast::Module& module, const std::string& filename,
                              std::string_view source);

// The stack effect of one instruction, for the compiler's stack-depth analysis: `jump` selects
// the effect when the instruction branches to its target.
int stack_effect(const Instruction& instruction, bool jump);
// Whether the instruction's operand `a` is a jump target.
bool has_jump_target(Op op);

}  // namespace loopscope::script::vm
