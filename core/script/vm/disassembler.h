#pragma once

#include <string>

#include "script/vm/code.h"

namespace loopscope::script::vm {

// A readable listing of a code object and its nested functions (for debugging and tests):
// "  12 LoadFast 0 (x)   line 3".
std::string disassemble(const CodeObject& code);
const char* op_name(Op op);

}  // namespace loopscope::script::vm
