// asyncio.run: a fresh loop and scheduler per call, the main task, the leftovers' cancellation,
// and the deadlock report CPython cannot give (it would hang).
#include <algorithm>
#include <memory>
#include <unordered_map>
#include <utility>

#include "async/future.h"
#include "async/task.h"
#include "loop/real_clock.h"
#include "loop/virtual_clock.h"
#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_parts.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/exception_text.h"
#include "script/modules/future_object.h"
#include "script/modules/script_loop_clock.h"
#include "script/modules/task_host.h"
#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/syntax/parser.h"
#include "script/vm/compiler.h"
#include "script/vm/coroutine.h"
#include "script/vm/vm.h"
#include "trace/state.h"
#include "trace/state_text.h"

namespace loopscope::script {

namespace {

std::unique_ptr<Clock> make_clock(const AsyncioOptions& options) {
    if (options.clock == ClockKind::Real) {
        return std::make_unique<RealClock>(
            std::clamp(options.speed, RealClock::kMinSpeed, RealClock::kMaxSpeed));
    }
    return std::make_unique<VirtualClock>();
}

// "Task-2 worker() at /x.py:5" for a task id of the trace.
std::string describe_task(const trace::State& state, const trace::Recorder& recorder,
                          const std::unordered_map<std::uint32_t, FutureObject*>& objects,
                          std::uint32_t id) {
    const trace::State::Task* task = state.task(id);
    if (task == nullptr) {
        return "#" + std::to_string(id);
    }
    std::string text(recorder.text(task->name));
    text += " ";
    text += recorder.text(task->coroutine);
    text += "()";
    if (auto found = objects.find(id); found != objects.end()) {
        if (CoroutineObject* coro = as_coroutine(found->second->coro)) {
            text += " at " + coroutine_filename(*coro) + ":" +
                    std::to_string(coroutine_current_line(*coro));
        }
    }
    return text;
}

std::string task_name(const trace::State& state, const trace::Recorder& recorder,
                      std::uint32_t id) {
    const trace::State::Task* task = state.task(id);
    return task != nullptr ? std::string(recorder.text(task->name)) : "#" + std::to_string(id);
}

// What a waiting task waits on, in words, with whatever explains why it never comes.
std::string describe_wait(const trace::State& state, const trace::Recorder& recorder,
                          const trace::State::Task& task) {
    const std::uint32_t target = task.awaiting;
    if (const trace::State::Task* other = state.task(target)) {
        return "task " + std::string(recorder.text(other->name)) + " (" +
               std::string(to_string(other->status)) + ")";
    }
    if (const trace::State::Primitive* primitive = state.primitive(target)) {
        std::string text(trace::await_kind_name(primitive->kind));
        text += " #" + std::to_string(target);
        switch (primitive->kind) {
            case AwaitKind::Lock:
                text += primitive->owner != 0
                            ? ", held by " + task_name(state, recorder, primitive->owner)
                            : (primitive->value != 0 ? ", locked" : "");
                break;
            case AwaitKind::Event:
                text += primitive->value != 0 ? " (set)" : " (never set)";
                break;
            case AwaitKind::Semaphore:
                text += " (value " + std::to_string(primitive->value) + ")";
                break;
            case AwaitKind::Queue:
                text += " (" + std::to_string(primitive->value) + " items)";
                break;
            default:
                break;
        }
        return text;
    }
    if (task.await_kind == AwaitKind::Future) {
        return "a future nobody completes (#" + std::to_string(target) + ")";
    }
    return std::string(trace::await_kind_name(task.await_kind)) + " #" + std::to_string(target);
}

std::string deadlock_report(Runtime& rt, EventLoop& loop) {
    trace::State state;
    for (const trace::Event& event : loop.recorder().events()) {
        state.apply(event);
    }
    std::unordered_map<std::uint32_t, FutureObject*> objects;
    for (const FutureRef<TaskCore>& task : running_scheduler(rt).all_tasks()) {
        if (FutureObject* object = bound_task_object(*task)) {
            objects[task->id()] = object;
        }
    }
    const trace::Recorder& recorder = loop.recorder();
    std::string text =
        "Loopscope: deadlock: every task is waiting and nothing can ever wake one of them "
        "(CPython would hang here forever).\n";
    for (const trace::State::Task& task : state.tasks()) {
        if (task.finished()) {
            continue;
        }
        text += "  " + describe_task(state, recorder, objects, task.id);
        if (task.status == trace::TaskStatus::Waiting) {
            text += " waits on " + describe_wait(state, recorder, task);
        } else {
            text += " is " + std::string(to_string(task.status));
        }
        text += "\n";
    }
    return text;
}

// `async def aclose(closing): await closing`: a task runs coroutines only, so the task that
// closes an abandoned async generator runs this one around the generator's aclose() awaitable.
Value aclose_helper(Runtime& rt) {
    AsyncioState& state = asyncio_state(rt);
    if (!state.aclose_helper.is_none()) {
        return state.aclose_helper;
    }
    static const char* const kSource =
        "async def aclose(closing):\n"
        "    await closing\n";
    ParseOutcome parsed = parse_module(kSource, "<asyncio>");
    vm::CompileOutcome compiled = vm::compile_module(rt, *parsed.module, "<asyncio>", kSource);
    Ref<ModuleObject> module = make_module(rt, "asyncio");
    vm::run_module(rt, compiled.code, *module);
    module->dict.get("aclose", state.aclose_helper);
    return state.aclose_helper;
}

// Drops `value` (the last reference to an abandoned async generator, or to what would close
// it) with the finalizer hook set aside: the generator is closed on the spot, as with no hook,
// instead of coming back to the hook, which would hand it over again and again.
void drop_closing_now(Runtime& rt, Value& value) {
    vm::VmState& vm = vm::vm_state(rt);
    auto hook = std::exchange(vm.async_generator_finalizer, nullptr);
    if (CoroutineObject* coro = as_coroutine(value)) {
        try {
            close_coroutine(rt, *coro);  // a helper that never ran: no "never awaited"
        } catch (...) {
        }
    }
    try {
        value = Value();
    } catch (...) {
    }
    vm.async_generator_finalizer = std::move(hook);
}

// The aclose() coroutine waiting in the loop's queue for its task. When the run ends first (the
// instruction limit, a stop), the queue is dropped with it: it is closed then, without the
// "coroutine 'aclose' was never awaited" of a coroutine the script forgot.
struct PendingClose {
    PendingClose(Runtime& rt, Value value) : runtime(&rt), closing(std::move(value)) {}
    PendingClose(const PendingClose&) = delete;
    PendingClose& operator=(const PendingClose&) = delete;
    ~PendingClose() {
        if (!closing.is_none() && !runtime->tearing_down()) {
            drop_closing_now(*runtime, closing);
        }
    }
    Runtime* runtime;
    Value closing;
};

// CPython's loop._asyncgen_finalizer_hook (installed through sys.set_asyncgen_hooks): an
// async generator abandoned while suspended (an `async for` left by break) is closed by a task
// running `agen.aclose()`, so that its finally blocks may await, instead of on the spot.
void close_abandoned_async_generator(Runtime& rt, EventLoop& loop, Value agen) {
    Value closing;
    if (!loop.is_closed()) {
        try {
            closing = call(rt, aclose_helper(rt), {call_method(rt, agen, "aclose", {})});
        } catch (...) {
            // The instruction limit or a stop request (the run ends with it), or an error: the
            // generator is closed on the spot instead.
            if (is_script_abort(std::current_exception())) {
                note_script_abort(rt, std::current_exception());
            }
        }
    }
    if (closing.is_none()) {
        drop_closing_now(rt, agen);
        return;
    }
    agen = Value();
    auto pending = std::make_shared<PendingClose>(rt, std::move(closing));
    Callback create = [pending] {
        Runtime& runtime = *pending->runtime;
        Value coroutine = std::exchange(pending->closing, Value());
        try {
            create_script_task(runtime, coroutine, std::nullopt);
        } catch (const ScriptError& error) {
            runtime.write_stderr("Exception in callback create_task()\n" +
                                 exception_report(runtime, error.exception));
            drop_closing_now(runtime, coroutine);
        }
    };
    // call_soon_threadsafe in CPython, which shares call_soon's queue: here the loop's own
    // thread keeps that order with call_soon (an executor thread must post).
    if (std::this_thread::get_id() == asyncio_state(rt).loop_thread) {
        loop.call_soon(std::move(create));
    } else {
        loop.call_soon_threadsafe(std::move(create));
    }
}

// asyncio.run's shutdown_asyncgens(), as far as Loopscope can follow it: the aclose() tasks of
// generators abandoned so far (and those their closing abandons) run to their end.
// Generators still referenced when the run ends are not known to the loop (the VM has no
// firstiter hook): they are closed when their last reference goes.
void shutdown_async_generators(Runtime& rt, Scheduler& scheduler, ScriptLoopClock& clock) {
    AsyncioState& state = asyncio_state(rt);
    EventLoop& loop = scheduler.loop();
    clock.clear_stalled();
    while ((!scheduler.all_tasks().empty() || loop.ready_count() > 0) && !clock.stalled() &&
           !state.escaping && !state.aborting && !rt.stop_requested.load()) {
        loop.run_once();
        if (state.observer.iteration_done && state.observer.iteration_done(loop)) {
            rt.stop_requested.store(true);
        }
    }
}

// Resets the state's view of the running loop when asyncio.run ends, however it ends. Declared
// after the loop and scheduler, so it runs before they are destroyed.
struct RunScope {
    AsyncioState& state;
    Runtime& rt;
    EventLoop& loop;
    bool reported = false;
    // asyncio.run's shutdown_asyncgens() and shutdown_default_executor() are tasks in CPython,
    // run however the run ends: they take two Task-N names.
    bool shutdown_tasks = false;
    ~RunScope() {
        vm::vm_state(rt).async_generator_finalizer = nullptr;
        rt.trace_events_recorded = nullptr;
        if (shutdown_tasks) {
            state.task_name_counter += 2;
        }
        if (!reported && state.observer.run_finished) {
            state.observer.run_finished(loop, state.runs);
        }
        state.time_base += loop.clock().peek();
        {
            // Executor threads asleep on timers that will never fire: let them finish.
            std::lock_guard guard(state.sleepers_mutex);
            state.sleepers_released = true;
            for (const auto& weak : state.sleepers) {
                if (auto sleeper = weak.lock()) {
                    sleeper->wake();
                }
            }
            state.sleepers.clear();
        }
        {
            // Jobs still running Python need the lock to finish; the loop's close would only
            // drop their completions after waiting for them.
            InterpreterLock::Release release(state.lock);
            loop.executor().shutdown();
        }
        {
            std::lock_guard guard(state.sleepers_mutex);
            state.sleepers_released = false;
        }
        state.python_jobs_sleeping = 0;
        state.python_jobs = 0;
        state.loop = nullptr;
        state.scheduler = nullptr;
        state.slow_step.reset();
        state.loop_object = Value();
    }
};

// The instruction limit or a stop request, met in a task or a callback, ends the run unchanged.
void rethrow_abort(AsyncioState& state) {
    if (state.aborting) {
        std::exception_ptr error = std::exchange(state.aborting, nullptr);
        std::rethrow_exception(error);
    }
}

// Cancels the tasks left when main is done and lets them unwind, as asyncio.run's
// _cancel_all_tasks does; stops early if they deadlock among themselves.
void cancel_leftovers(Runtime& rt, Scheduler& scheduler, ScriptLoopClock& clock) {
    AsyncioState& state = asyncio_state(rt);
    auto pending = scheduler.all_tasks();
    if (pending.empty()) {
        return;
    }
    // Held until reported: CPython's gather over them keeps them from warning "never retrieved"
    // in the meantime, and the report shows each with its coroutine.
    std::vector<Value> objects;
    for (const auto& task : pending) {
        objects.push_back(task_object_of(rt, *task));
    }
    for (const auto& task : pending) {
        task->cancel();
    }
    clock.clear_stalled();
    while (!scheduler.all_tasks().empty() && !clock.stalled() && !state.escaping &&
           !state.aborting && !rt.stop_requested.load()) {
        scheduler.loop().run_once();
        if (state.observer.iteration_done && state.observer.iteration_done(scheduler.loop())) {
            rt.stop_requested.store(true);
        }
    }
    for (const Value& object : objects) {
        FutureObject* future = object.as<FutureObject>();
        future->exception_retrieved = true;
        if (!future->core->done() || future->core->cancelled()) {
            continue;
        }
        std::exception_ptr error = future->core->exception();
        if (!error) {
            continue;
        }
        rt.write_stderr(
            "unhandled exception during asyncio.run() shutdown\ntask: " + future_repr(rt, *future) +
            "\n" + exception_report(rt, python_exception(rt, error)));
    }
}

Value asyncio_run(Runtime& rt, const CallArgs& args) {
    static const Signature signature{"run", {"main", "debug"}, 1, 0, 1};
    auto parsed = parse_arguments(rt, args, signature);
    const Value main = *parsed[0];
    AsyncioState& state = asyncio_state(rt);
    if (state.loop != nullptr) {
        Value error = make_exception(rt, rt.types().RuntimeError,
                                     "asyncio.run() cannot be called from a running event loop");
        hold_with_exception(rt, error, main);
        raise_value(error);
    }
    if (!is_any_coroutine(rt, main)) {
        raise_error(rt, rt.types().ValueError, "a coroutine was expected, got " + repr(rt, main));
    }
    return run_on_new_loop(rt, main, parsed[1] && truthy(rt, *parsed[1]), true);
}

}  // namespace

Value run_on_new_loop(Runtime& rt, const Value& main, bool debug, bool shutdown_tasks) {
    AsyncioState& state = asyncio_state(rt);
    if (state.loop != nullptr) {
        raise_error(rt, rt.types().RuntimeError, "This event loop is already running");
    }
    InterpreterLock::Hold hold(state.lock);
    state.debug = debug;

    std::unique_ptr<Clock> base_clock = make_clock(state.options);
    if (state.observer.wrap_clock) {
        base_clock = state.observer.wrap_clock(std::move(base_clock));
    }
    EventLoopOptions options;
    auto clock_owner = std::make_unique<ScriptLoopClock>(
        std::move(base_clock), state.lock, state.python_jobs, state.python_jobs_sleeping,
        static_cast<int>(options.executor_workers));
    ScriptLoopClock& clock = *clock_owner;
    options.clock = std::move(clock_owner);
    EventLoop loop(std::move(options));
    Scheduler scheduler(loop);
    ++state.runs;
    state.loop = &loop;
    state.scheduler = &scheduler;
    if (debug) {
        scheduler.on_step_ended(&report_slow_step, &rt);
    }
    state.loop_thread = std::this_thread::get_id();
    state.escaping.reset();
    state.aborting = nullptr;
    state.tasks_created = 0;
    RunScope scope{state, rt, loop};
    scope.shutdown_tasks = shutdown_tasks;
    rt.trace_events_recorded = [&loop] { return loop.recorder().size(); };
    if (state.observer.run_started) {
        state.observer.run_started(loop);
    }
    vm::vm_state(rt).async_generator_finalizer = [&loop](Runtime& r, Value agen) {
        close_abandoned_async_generator(r, loop, std::move(agen));
    };

    Value main_task = create_script_task(rt, main, std::nullopt);
    note_creation_site(rt, main_task, MadeBy::Run);
    FutureObject* future = main_task.as<FutureObject>();
    future->run_until_complete_callback = true;
    while (!future->core->done() && !state.escaping && !state.aborting) {
        loop.run_once();
        if (state.observer.iteration_done && state.observer.iteration_done(loop)) {
            rt.stop_requested.store(true);
        }
        if (rt.stop_requested.load()) {
            throw ScriptError{
                make_exception(rt, *rt.types().KeyboardInterrupt, std::vector<Value>{})};
        }
        if (clock.stalled() && !future->core->done()) {
            rt.write_stderr(deadlock_report(rt, loop));
            scope.reported = true;
            if (state.observer.run_finished) {
                state.observer.run_finished(loop, state.runs);
            }
            throw ScriptError{
                make_exception(rt, *rt.types().SystemExit, std::vector<Value>{Value::integer(3)})};
        }
    }
    rethrow_abort(state);
    if (state.escaping) {
        Value escaping = *state.escaping;
        state.escaping.reset();
        throw ScriptError{escaping};
    }
    cancel_leftovers(rt, scheduler, clock);
    if (shutdown_tasks) {
        shutdown_async_generators(rt, scheduler, clock);
    }
    rethrow_abort(state);
    if (state.escaping) {
        Value escaping = *state.escaping;
        state.escaping.reset();
        throw ScriptError{escaping};
    }
    future->exception_retrieved = true;
    if (future->core->cancelled()) {
        throw ScriptError{take_cancelled_error(rt, *future)};
    }
    if (std::exception_ptr error = future->core->exception()) {
        raise_python(rt, error);
    }
    return future->result_value();
}

void install_run(Runtime& rt, ModuleObject& module) {
    module.dict.set("run", make_native_function(rt, "run", asyncio_run));
}

}  // namespace loopscope::script
