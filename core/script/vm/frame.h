#pragma once

#include <cstdint>
#include <vector>

#include "script/objects/attributes.h"
#include "script/vm/code.h"
#include "script/vm/function.h"

namespace loopscope::script::vm {

struct GeneratorObject;

// An exception handler pushed by SETUP_FINALLY: where to jump, and how deep the value stack is.
struct Block {
    std::uint32_t handler;
    std::uint32_t depth;
};

// One activation of a code object. Frames of plain calls come from the VM's pool and go back to
// it on return; a generator's or coroutine's frame belongs to it while suspended, which is all a
// coroutine needs: its whole state (pc, value stack, handlers) is here, not on the C++ stack.
struct Frame {
    CodeObject* code = nullptr;
    FunctionObject* function = nullptr;
    Value function_ref;  // keeps function, code and globals alive
    Attributes* globals = nullptr;
    Attributes* names = nullptr;  // a class body's namespace (null otherwise)

    std::vector<Value> storage;  // slots (locals, cells, frees), then the value stack
    Value* slots = nullptr;
    Value* stack = nullptr;
    Value* sp = nullptr;   // one past the top of the value stack
    std::uint32_t pc = 0;  // the instruction executing (or to resume after, once started)
    bool started = false;
    std::vector<Block> blocks;

    Frame* back = nullptr;  // the frame that called or resumed this one
    Value handled;          // the exception an `except` of this frame is handling (exc_info)
    GeneratorObject* generator = nullptr;
    bool entry = false;       // returning or yielding from it leaves the dispatch loop
    bool yielded = false;     // set when it left by YIELD_VALUE
    bool delegating = false;  // suspended at SEND's yield (await / yield from)
    bool has_pending_throw = false;
    Value pending_throw;  // raised at the resume point (generator.throw)

    int line() const { return code ? code->line_at(pc) : 0; }
};

}  // namespace loopscope::script::vm
