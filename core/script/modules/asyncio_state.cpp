#include "script/modules/asyncio_state.h"

#include "script/modules/future_object.h"
#include "script/modules/task_host.h"
#include "script/objects/errors.h"
#include "script/objects/runtime.h"

namespace loopscope::script {

namespace {

void install_exception_types(Runtime& rt, AsyncioState& state) {
    state.types.CancelledError =
        make_exception_type(rt, "CancelledError", rt.types().BaseException, "asyncio.exceptions");
    state.types.InvalidStateError =
        make_exception_type(rt, "InvalidStateError", rt.types().Exception, "asyncio.exceptions");
    state.types.QueueEmpty =
        make_exception_type(rt, "QueueEmpty", rt.types().Exception, "asyncio.queues");
    state.types.QueueFull =
        make_exception_type(rt, "QueueFull", rt.types().Exception, "asyncio.queues");
}

}  // namespace

AsyncioState& make_asyncio_state(Runtime& rt) {
    auto* state = new AsyncioState();
    rt.asyncio_state = state;
    rt.asyncio_state_deleter = [&rt] {
        delete static_cast<AsyncioState*>(rt.asyncio_state);
        rt.asyncio_state = nullptr;
    };
    install_exception_types(rt, *state);
    install_future_types(rt);
    rt.await_at_once = &await_at_once_in_step;
    return *state;
}

void record_script_output(Runtime& rt, int stream, std::string_view text) {
    if (rt.asyncio_state == nullptr) {
        return;
    }
    AsyncioState& state = asyncio_state(rt);
    EventLoop* loop = state.loop;
    if (loop == nullptr || text.empty()) {
        return;
    }
    trace::Recorder& recorder = loop->recorder();
    if (std::this_thread::get_id() != state.loop_thread) {
        return;  // the string table belongs to the loop thread; a worker's output is not traced
    }
    const TaskCore* task = state.output_for;
    if (task == nullptr && state.scheduler != nullptr) {
        task = state.scheduler->current_task();
    }
    loop->record(trace::EventKind::ScriptOutput, task != nullptr ? task->id() : 0,
                 recorder.intern(text), stream);
}

Scheduler& running_scheduler(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    if (state.scheduler == nullptr) {
        raise_error(rt, rt.types().RuntimeError, "no running event loop");
    }
    return *state.scheduler;
}

}  // namespace loopscope::script
