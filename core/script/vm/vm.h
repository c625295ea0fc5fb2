#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "script/objects/attributes.h"
#include "script/objects/module.h"
#include "script/objects/object.h"
#include "script/objects/type_object.h"
#include "script/vm/code.h"
#include "script/vm/frame.h"
#include "script/vm/function.h"

namespace loopscope::script::vm {

// Thrown (as a C++ exception, not a Python one: scripts cannot catch it) when the script has run
// more instructions than Runtime::limits.instructions, or its asyncio.run has recorded more
// events than Runtime::limits.trace_events. The CLI reports it and exits with 4.
struct InstructionLimitExceeded {
    std::int64_t limit = 0;
    int line = 0;
    std::string filename;
    bool trace_events = false;  // the limit hit is the trace's, not the instructions'
};
// "Loopscope stopped the script: it ran more than N instructions without finishing (line L)",
// or "... it recorded more than N trace events without finishing (line L)"
std::string instruction_limit_message(const InstructionLimitExceeded& e);

// Thrown when Runtime::stop_requested is seen (the app's Stop button).
struct ScriptStopped {
    int line = 0;
};

// The VM's per-runtime state (Runtime::vm_state): its native types, the frame pool, the
// innermost running frame, the import machinery's settings and the sources for tracebacks.
struct VmState {
    explicit VmState(Runtime& rt);
    ~VmState();

    Runtime& rt;
    Ref<TypeObject> function_type;
    Ref<TypeObject> cell_type;
    Ref<TypeObject> generator_type;
    Ref<TypeObject> coroutine_type;
    Ref<TypeObject> async_generator_type;
    Ref<TypeObject> async_generator_asend_type;
    Ref<TypeObject> coroutine_wrapper_type;
    Ref<TypeObject> traceback_type;

    std::vector<Frame*> free_frames;
    // Per thread (asyncio.to_thread runs Python code on executor threads, one at a time under
    // the runtime's lock, each with its own chain of frames, as CPython's thread states).
    struct ThreadState {
        Frame* current = nullptr;  // the innermost executing frame
        int depth = 0;             // Python frames executing (for RecursionError)
    };
    static ThreadState& thread() {
        thread_local ThreadState state;
        return state;
    }
    std::int64_t instructions = 0;
    std::int32_t budget = 0;  // instructions until the next limits check
    // Once the budget has run out (or a stop was requested) every further instruction throws
    // again, so the script ends even if a host (asyncio) turned the first throw into an error.
    bool limit_hit = false;
    InstructionLimitExceeded limit;
    bool stop_hit = false;

    std::vector<std::string> search_paths;
    std::map<std::string, std::string> sources;  // filename → source text, for tracebacks
    Attributes helpers;  // functions the VM writes in Python (anext with a default)

    // CPython's async-generator finalizer hook (sys.set_asyncgen_hooks(finalizer=...), which
    // asyncio's loop sets): called with a suspended async generator nobody references any more,
    // instead of closing it on the spot; asyncio schedules `agen.aclose()` as a task. The Value
    // is a fresh object taking over the abandoned generator's frame. Null: close synchronously.
    std::function<void(Runtime&, Value async_generator)> async_generator_finalizer;
};

VmState& vm_state(Runtime& rt);
void install_function_types(VmState& vm);  // function.cpp

Frame* acquire_frame(VmState& vm, FunctionObject& function);
void release_frame(VmState& vm, Frame* frame);

// Fills a fresh frame's parameters from a call's arguments (CPython's messages on mismatch).
void bind_arguments(Runtime& rt, Frame& frame, FunctionObject& function, const Value* positional,
                    std::size_t count, const CallArgs& keywords);

// Runs `entry` (already set up) until it returns or yields. Throws ScriptError when an
// exception leaves it; the caller owns and releases the frame.
Value execute(VmState& vm, Frame* entry);

// Calls a Python function from C++ (the `call` slot of functions).
Value call_function(Runtime& rt, FunctionObject& function, const CallArgs& args);

// Makes a module object and runs `code` in it (imports and the main script).
void run_module(Runtime& rt, const std::shared_ptr<CodeObject>& code, ModuleObject& module);

// Imports a module for `import name` from code in `importer_file`.
Value import_module(Runtime& rt, const std::string& name, const std::string& importer_file);

// The exception an `except` block of the running code is handling (sys.exc_info()[1]), or None.
Value current_handled_exception(Runtime& rt);

// The current line of the innermost executing frame (0 when none), and its filename.
int current_line(Runtime& rt);
std::string current_filename(Runtime& rt);

}  // namespace loopscope::script::vm
