#pragma once

#include "script/objects/module.h"

namespace loopscope::script {

// The asyncio module is built from these parts (asyncio_module.cpp puts them together); each
// adds its names to the module.
void install_run(Runtime& rt, ModuleObject& module);             // asyncio_run.cpp
void install_task_functions(Runtime& rt, ModuleObject& module);  // asyncio_tasks.cpp
void install_composition(Runtime& rt, ModuleObject& module);     // asyncio_composition.cpp
void install_locks(Runtime& rt, ModuleObject& module);           // asyncio_locks.cpp
void install_queues(Runtime& rt, ModuleObject& module);          // asyncio_queues.cpp
void install_loop_object(Runtime& rt, ModuleObject& module);     // asyncio_loop_object.cpp

// asyncio.run's body (asyncio_run.cpp): a new loop and scheduler, `main` (a coroutine, or a
// host awaitable) as Task-1 until it is done, the leftovers cancelled; main's result or its
// exception. Also what an idle loop's run_until_complete does (without `shutdown_tasks`: only
// asyncio.run runs CPython's two shutdown tasks, which take Task-N names).
Value run_on_new_loop(Runtime& rt, const Value& main, bool debug, bool shutdown_tasks);

}  // namespace loopscope::script
