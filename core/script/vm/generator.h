#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "script/objects/tracked_object.h"
#include "script/vm/code.h"
#include "script/vm/frame.h"

namespace loopscope::script::vm {

// A generator, coroutine or async generator: a frame that runs a step at a time. `send` runs it
// until its next yield (or await of a host awaitable, which is a yield in disguise) or its
// return.
//
// There is one per task of a script (its coroutine), so it is laid out for size: the names are
// the code object's unless its function was renamed (functools.wraps, `f.__name__ = ...`), and
// then a block of their own; the small fields share one word.
struct GeneratorObject : TrackedObject {
    enum class Kind : std::uint8_t { Generator, Coroutine, AsyncGenerator };
    enum class State : std::uint8_t { Created, Suspended, Running, Finished };

    GeneratorObject(Runtime& rt, TypeObject* gen_type, Kind kind_, Frame* frame_);
    ~GeneratorObject() override;
    void clear_references() override;

    // __name__ and __qualname__: the function's when the generator was made (CPython's
    // gi_name / cr_name, which later renames of the function do not change).
    const std::string& name() const { return renamed ? renamed->name : code->name; }
    const std::string& qualname() const { return renamed ? renamed->qualname : code->qualname; }
    // Takes the names of `function`: shared with its code unless they differ from the code's.
    void take_names(const FunctionObject& function);
    void take_names(const GeneratorObject& other);

    Runtime* runtime;
    Kind kind;
    State state = State::Created;
    bool closing = false;
    Frame* frame;  // owned; null once finished
    std::shared_ptr<CodeObject> code;

private:
    struct Names {
        std::string name;
        std::string qualname;
    };
    std::unique_ptr<Names> renamed;  // null: the code's names
};

struct StepResult {
    bool yielded = false;  // false: returned
    Value value;
    bool real_yield = false;  // an async generator's `yield` (not an await's)
};

StepResult generator_send(Runtime& rt, GeneratorObject& gen, Value value);
StepResult generator_throw(Runtime& rt, GeneratorObject& gen, Value exception);
// gen.close(): GeneratorExit thrown in; "generator ignored GeneratorExit" if it yields.
void generator_close(Runtime& rt, GeneratorObject& gen);

GeneratorObject* as_generator(const Value& v);  // any kind; null otherwise
Value make_generator(Runtime& rt, Frame* frame, FunctionObject& function);

// One step of SEND for any delegate: a generator or coroutine, an async generator's asend /
// athrow awaitable, or an iterator with __next__ / send.
StepResult delegate_send(Runtime& rt, const Value& sub, Value value);
StepResult delegate_throw(Runtime& rt, const Value& sub, Value exception);

// The awaitable of an `await` operand (coroutine, host awaitable, asend object, __await__'s
// iterator); `context` picks CPython's TypeError wording (0 await, 1 __aenter__, 2 __aexit__).
Value get_awaitable(Runtime& rt, const Value& operand, int context);
Value get_yield_from_iter(Runtime& rt, const Value& operand, const CodeObject& code);
Value get_aiter(Runtime& rt, const Value& operand);
Value get_anext(Runtime& rt, const Value& aiter);

struct VmState;
void install_generator_types(VmState& vm);

// A dunder found through the type (as CPython's special-method lookup), bound to `obj`.
bool lookup_bound_special(Runtime& rt, const Value& obj, std::string_view name, Value& bound);

}  // namespace loopscope::script::vm
