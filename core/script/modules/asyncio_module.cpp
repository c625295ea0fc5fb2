// The asyncio module: CPython's names over the C++ scheduler (docs/SCRIPTS.md).
#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_parts.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/math_module.h"
#include "script/modules/random_module.h"
#include "script/modules/script_modules.h"
#include "script/objects/module.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"

namespace loopscope::script {

Value make_time_module(Runtime& rt);  // time_module.cpp
Value make_sys_module(Runtime& rt);   // sys_module.cpp

namespace {

Value make_asyncio_module(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    install_awaitable_types(rt);
    Ref<ModuleObject> module = make_module(rt, "asyncio");
    install_run(rt, *module);
    install_task_functions(rt, *module);
    install_composition(rt, *module);
    install_locks(rt, *module);
    install_queues(rt, *module);
    install_loop_object(rt, *module);
    module->dict.set("Future", Value(state.types.Future));
    module->dict.set("Task", Value(state.types.Task));
    module->dict.set("CancelledError", Value(state.types.CancelledError));
    module->dict.set("InvalidStateError", Value(state.types.InvalidStateError));
    module->dict.set("QueueEmpty", Value(state.types.QueueEmpty));
    module->dict.set("QueueFull", Value(state.types.QueueFull));
    module->dict.set("TimeoutError", rt.types().TimeoutError.value());
    module->dict.set("FIRST_COMPLETED", make_str(rt, "FIRST_COMPLETED"));
    module->dict.set("FIRST_EXCEPTION", make_str(rt, "FIRST_EXCEPTION"));
    module->dict.set("ALL_COMPLETED", make_str(rt, "ALL_COMPLETED"));
    return Value(module);
}

}  // namespace

void register_script_modules(Runtime& rt) {
    rt.register_native_module("asyncio", make_asyncio_module);
    rt.register_native_module("time", make_time_module);
    rt.register_native_module("sys", make_sys_module);
    register_math_module(rt);
    register_random_module(rt);
}

}  // namespace loopscope::script
