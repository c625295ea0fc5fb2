#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "script/objects/method_cache.h"
#include "script/objects/object.h"
#include "script/syntax/ast.h"
#include "script/vm/opcode.h"

namespace loopscope::script::vm {

struct Instruction {
    Op op = Op::Nop;
    std::uint16_t b = 0;  // a second operand: CALL_KW's keyword-names index
    std::uint32_t a = 0;  // the operand: a slot, a constant, a name, a jump target, a count
};

// One compiled body: a module, a function, a lambda, a class body or a comprehension. Immutable
// once compiled; functions share it.
// LOAD_GLOBAL's inline cache, per name: where the name was found, valid while neither the
// globals nor the builtins gained or lost a name (Attributes::version).
struct GlobalCache {
    const void* globals = nullptr;
    std::uint64_t globals_version = 0;
    std::uint64_t builtins_version = 0;
    const Value* slot = nullptr;
};

struct CodeObject {
    enum Flags : std::uint32_t {
        kVarArgs = 1u << 0,      // *args
        kVarKeywords = 1u << 1,  // **kwargs
        kGenerator = 1u << 2,
        kCoroutine = 1u << 3,
        kAsyncGenerator = 1u << 4,
        kHiddenFrame = 1u << 5,  // an inlined comprehension (PEP 709): no traceback entry
        kClassBody = 1u << 6,    // names resolve through the class namespace
        kModule = 1u << 7,
        kHasDefaults = 1u << 8,    // MAKE_FUNCTION pops a defaults tuple
        kHasKwDefaults = 1u << 9,  // MAKE_FUNCTION pops a kw-defaults dict
        kHasClosure = 1u << 10,    // MAKE_FUNCTION pops a closure tuple
    };

    std::string name;      // "f", "<module>", "<lambda>", "<listcomp>"
    std::string qualname;  // "Worker.run", "f.<locals>.g"
    std::string filename;
    std::uint32_t flags = 0;
    int first_line = 1;
    std::optional<std::string> docstring;  // a function's __doc__

    std::vector<Instruction> code;
    std::vector<ast::Location> locations;  // one per instruction: tracebacks and the trace
    // Traceback carets for BINARY_OP / BINARY_SUBSCR (CPython 3.12's `~~^~~`): the operator's
    // byte offsets relative to the instruction's start column.
    std::unordered_map<std::uint32_t, std::pair<int, int>> caret_anchors;
    std::vector<Value> constants;
    std::vector<std::string> names;                       // attribute, global and namespace names
    mutable std::vector<GlobalCache> global_cache;        // one per name
    mutable std::vector<MethodCache> method_cache;        // one per name
    std::vector<std::vector<std::string>> keyword_names;  // CALL_KW's
    std::vector<std::vector<std::string_view>> keyword_views;  // the same, as CallArgs wants
    std::vector<std::shared_ptr<CodeObject>> functions;        // nested bodies, for MAKE_FUNCTION

    // Slots of a frame: locals (parameters first), then cells, then free variables.
    std::vector<std::string> varnames;
    std::vector<std::string> cellvars;
    std::vector<std::string> freevars;
    // For each cell, the parameter whose value starts in it, or -1.
    std::vector<int> cell_parameters;
    int argcount = 0;  // positional parameters, including positional-only
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int stack_size = 0;   // the deepest the value stack gets
    int block_depth = 0;  // the deepest the block stack gets

    bool has(Flags f) const { return (flags & f) != 0; }
    bool is_generator_like() const {
        return (flags & (kGenerator | kCoroutine | kAsyncGenerator)) != 0;
    }
    int slot_count() const {
        return static_cast<int>(varnames.size() + cellvars.size() + freevars.size());
    }
    int line_at(std::size_t pc) const {
        if (pc < locations.size())
            return static_cast<int>(locations[pc].line);
        return first_line;
    }
};

}  // namespace loopscope::script::vm
