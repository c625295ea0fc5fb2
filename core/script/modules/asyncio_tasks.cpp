// asyncio.sleep, create_task, ensure_future, current_task, all_tasks, iscoroutine.
#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_parts.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/future_object.h"
#include "script/modules/script_repr.h"
#include "script/modules/task_host.h"
#include "script/objects/errors.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/set.h"
#include "script/objects/str.h"
#include "script/vm/code.h"
#include "script/vm/coroutine.h"
#include "script/vm/function.h"

namespace loopscope::script {

namespace {

Value sleep(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"sleep", {"delay", "result"}, 1};
    auto parsed = parse_arguments(rt, args, signature);
    const Value& delay = *parsed[0];
    Value result = parsed[1] ? *parsed[1] : Value();
    if (delay.is_int() || delay.is_float() || delay.is_bool()) {
        // No loop needed yet: the timer is set when the coroutine runs, in its task.
        return make_sleep(rt, to_double(rt, delay), std::move(result));
    }
    // `async def sleep` checks its delay (`delay <= 0` first) only when it runs.
    return make_deferred(
        rt,
        [delay, result](Runtime& r) {
            compare(r, delay, Value::integer(0), CompareOp::Le);
            return make_sleep(r, to_double(r, delay), result);
        },
        "sleep");
}

std::optional<std::string> optional_name(Runtime& rt, const std::optional<Value>& name) {
    if (!name || name->is_none()) {
        return std::nullopt;
    }
    return to_str(rt, *name);
}

Value create_task(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"create_task", {"coro", "name", "context"}, 1, 0, 1};
    auto parsed = parse_arguments(rt, args, signature);
    try {
        running_scheduler(rt);
    } catch (const ScriptError& error) {
        hold_with_exception(rt, error.exception, *parsed[0]);
        throw;
    }
    if (!is_coroutine(*parsed[0]) && as_host_awaitable(*parsed[0]) == nullptr) {
        raise_error(rt, rt.types().TypeError,
                    "a coroutine was expected, got " + repr(rt, *parsed[0]));
    }
    Value task = create_script_task(rt, *parsed[0], optional_name(rt, parsed[1]));
    note_creation_site(rt, task, MadeBy::CreateTask);
    return task;
}

Value ensure_future(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"ensure_future", {"coro_or_future", "loop"}, 1, 0, 1};
    auto parsed = parse_arguments(rt, args, signature);
    return ensure_future_object(rt, *parsed[0]);
}

Value current_task(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"current_task", {"loop"}, 0};
    parse_arguments(rt, args, signature);
    Scheduler& scheduler = running_scheduler(rt);
    TaskCore* task = scheduler.current_task();
    if (task == nullptr) {
        return Value();
    }
    return task_object_of(rt, *task);
}

Value all_tasks(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"all_tasks", {"loop"}, 0};
    parse_arguments(rt, args, signature);
    Scheduler& scheduler = running_scheduler(rt);
    std::vector<Value> tasks;
    for (const auto& task : scheduler.all_tasks()) {
        tasks.push_back(task_object_of(rt, *task));
    }
    return make_set(rt, std::move(tasks));
}

Value iscoroutine(Runtime& rt, const CallArgs& args) {
    expect_exactly(rt, args, "iscoroutine", 1);
    return Value::boolean(is_any_coroutine(rt, args[0]));
}

Value iscoroutinefunction(Runtime& rt, const CallArgs& args) {
    expect_exactly(rt, args, "iscoroutinefunction", 1);
    const vm::FunctionObject* function = python_function_of(rt, args[0]);
    return Value::boolean(function != nullptr && function->code->has(vm::CodeObject::kCoroutine));
}

}  // namespace

void install_task_functions(Runtime& rt, ModuleObject& module) {
    module.dict.set("sleep", make_native_function(rt, "sleep", sleep));
    module.dict.set("create_task", make_native_function(rt, "create_task", create_task));
    module.dict.set("ensure_future", make_native_function(rt, "ensure_future", ensure_future));
    module.dict.set("current_task", make_native_function(rt, "current_task", current_task));
    module.dict.set("all_tasks", make_native_function(rt, "all_tasks", all_tasks));
    module.dict.set("iscoroutine", make_native_function(rt, "iscoroutine", iscoroutine));
    module.dict.set("iscoroutinefunction",
                    make_native_function(rt, "iscoroutinefunction", iscoroutinefunction));
}

}  // namespace loopscope::script
