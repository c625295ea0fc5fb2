#pragma once

#include <memory>
#include <string>
#include <vector>

#include "script/objects/attributes.h"
#include "script/objects/module.h"
#include "script/objects/tracked_object.h"
#include "script/objects/type_object.h"
#include "script/vm/code.h"

namespace loopscope::script::vm {

// A closure cell: a variable that a nested function shares with the one that binds it.
// `contents` holds the unbound marker (vm::unbound()) until first assigned.
struct CellObject : TrackedObject {
    CellObject(Runtime& rt, Value contents_);
    Value contents;
    void clear_references() override;
};

// A Python function (def, lambda, comprehension, class body): code plus what MAKE_FUNCTION
// captured. Its globals are the defining module's dict.
struct FunctionObject : TrackedObject {
    FunctionObject(Runtime& rt, std::shared_ptr<CodeObject> code_, Ref<ModuleObject> module_);

    std::shared_ptr<CodeObject> code;
    Ref<ModuleObject> module;     // globals: module->dict
    std::vector<Value> defaults;  // for the last parameters before *args
    std::vector<std::pair<std::string, Value>> kw_defaults;
    std::vector<Value> closure;  // CellObjects, one per code->freevars
    std::string name;
    std::string qualname;
    Attributes dict;  // function attributes (__doc__, user-set ones)
    void clear_references() override;
};

// The marker of an unbound local / empty cell / LOAD_METHOD's "no self". Never seen by scripts.
// A static object whose count starts high and never reaches zero.
struct UnboundMarkerObject : Object {
    UnboundMarkerObject() : Object(nullptr) { refcount = 1u << 30; }
};
inline UnboundMarkerObject g_unbound_marker;
inline Object* unbound_marker() {
    return &g_unbound_marker;
}
inline bool is_unbound(const Value& v) {
    return v.is_object() && v.as_object() == unbound_marker();
}
inline Value unbound() {
    return Value(unbound_marker());
}

// The `call` slot of the function type: comparing slots tells a FunctionObject apart without a
// runtime lookup (hot in CALL).
Value function_call_slot(Runtime& rt, const Value& self, const CallArgs& args);
inline bool is_function(const Value& v) {
    return v.is_object() && v.as_object()->type &&
           v.as_object()->type->slots.call == &function_call_slot;
}
inline FunctionObject* as_function(const Value& v) {
    return is_function(v) ? v.as<FunctionObject>() : nullptr;
}

}  // namespace loopscope::script::vm
