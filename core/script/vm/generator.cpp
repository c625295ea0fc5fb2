#include "script/vm/generator.h"

#include <cstdio>
#include <optional>

#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/syntax/parser.h"
#include "script/vm/compiler.h"
#include "script/vm/coroutine.h"
#include "script/vm/traceback.h"
#include "script/vm/vm.h"

namespace loopscope::script {
// A coroutine is a generator object of kind Coroutine (coroutine.h's opaque type).
struct CoroutineObject : vm::GeneratorObject {
    using GeneratorObject::GeneratorObject;
};
}  // namespace loopscope::script

namespace loopscope::script::vm {

namespace {

// An async generator's asend() / athrow() / aclose() (and __anext__) awaitable: one step of the
// async generator per await.
struct AsendObject : TrackedObject {
    enum class Mode { Send, Throw, Close };
    AsendObject(Runtime& rt, TypeObject* asend_type, Value agen_, Mode mode_, Value value_)
        : TrackedObject(rt, asend_type),
          agen(std::move(agen_)),
          mode(mode_),
          value(std::move(value_)) {}
    Value agen;
    Mode mode;
    Value value;  // asend's value or athrow's exception
    bool started = false;
    bool finished = false;
    void clear_references() override {
        agen = Value();
        value = Value();
    }
};

const char* kind_word(const GeneratorObject& g) {
    switch (g.kind) {
        case GeneratorObject::Kind::Generator:
            return "generator";
        case GeneratorObject::Kind::Coroutine:
            return "coroutine";
        case GeneratorObject::Kind::AsyncGenerator:
            return "async generator";
    }
    return "generator";
}

std::string address_of(const void* p) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%p", p);
    return buffer;
}

bool is_generator_type(const TypeObject* t);

AsendObject* as_asend(const Value& v);

// Where a delegating frame continues when its delegate has returned: SEND's target.
std::uint32_t send_target(const Frame& f) {
    const auto& code = f.code->code;
    std::uint32_t jump_to_send = code[f.pc + 1].a;
    return code[jump_to_send].a;
}

StepResult run_step(Runtime& rt, GeneratorObject& gen) {
    VmState& vm = vm_state(rt);
    Frame* f = gen.frame;
    gen.state = GeneratorObject::State::Running;
    f->back = vm.thread().current;
    Value result;
    try {
        result = execute(vm, f);
    } catch (ScriptError& e) {
        gen.state = GeneratorObject::State::Finished;
        gen.frame = nullptr;
        release_frame(vm, f);
        Value exc = e.exception;
        if (gen.kind != GeneratorObject::Kind::AsyncGenerator &&
            is_instance(rt, exc, rt.types().StopIteration)) {
            Value wrapped = make_exception(rt, rt.types().RuntimeError,
                                           std::string(kind_word(gen)) + " raised StopIteration");
            if (ExceptionObject* w = as_exception(rt, wrapped)) {
                w->cause = exc;
                w->context = exc;
                w->suppress_context = true;
            }
            throw ScriptError{wrapped};
        }
        if (gen.kind == GeneratorObject::Kind::AsyncGenerator &&
            is_instance(rt, exc, rt.types().StopAsyncIteration)) {
            Value wrapped = make_exception(rt, rt.types().RuntimeError,
                                           "async generator raised StopAsyncIteration");
            if (ExceptionObject* w = as_exception(rt, wrapped)) {
                w->cause = exc;
                w->context = exc;
                w->suppress_context = true;
            }
            throw ScriptError{wrapped};
        }
        throw;
    } catch (...) {
        gen.state = GeneratorObject::State::Finished;
        gen.frame = nullptr;
        release_frame(vm, f);
        throw;
    }
    if (f->yielded) {
        gen.state = GeneratorObject::State::Suspended;
        return StepResult{true, std::move(result), !f->delegating};
    }
    gen.state = GeneratorObject::State::Finished;
    gen.frame = nullptr;
    release_frame(vm, f);
    return StepResult{false, std::move(result), false};
}

void check_runnable(Runtime& rt, GeneratorObject& gen) {
    if (gen.state == GeneratorObject::State::Running)
        raise_error(rt, rt.types().ValueError, std::string(kind_word(gen)) + " already executing");
}

}  // namespace

GeneratorObject::GeneratorObject(Runtime& rt, TypeObject* gen_type, Kind kind_, Frame* frame_)
    : TrackedObject(rt, gen_type), runtime(&rt), kind(kind_), frame(frame_) {}

void GeneratorObject::take_names(const FunctionObject& function) {
    if (function.name == code->name && function.qualname == code->qualname) {
        renamed.reset();
    } else {
        renamed = std::make_unique<Names>(Names{function.name, function.qualname});
    }
}

void GeneratorObject::take_names(const GeneratorObject& other) {
    renamed = other.renamed ? std::make_unique<Names>(*other.renamed) : nullptr;
}

GeneratorObject::~GeneratorObject() {
    Runtime& rt = *runtime;
    bool live = !rt.tearing_down() && rt.vm_state;
    if (live && kind == Kind::Coroutine && state == State::Created) {
        VmState& vm = vm_state(rt);
        std::string text;
        if (vm.thread().current && vm.thread().current->code) {
            const std::string& file = vm.thread().current->code->filename;
            int line = vm.thread().current->line();
            text = file + ":" + std::to_string(line) + ": RuntimeWarning: coroutine '" +
                   qualname() + "' was never awaited\n";
            std::string src = source_line(rt, file, line);
            if (!src.empty())
                text += "  " + src + "\n";
            text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
        } else {
            // No Python code running: the interpreter is finishing (CPython's shutdown).
            text = "sys:1: RuntimeWarning: coroutine '" + qualname() + "' was never awaited\n";
        }
        rt.write_stderr(text);
    }
    if (live && kind == Kind::AsyncGenerator && state == State::Suspended && frame &&
        vm_state(rt).async_generator_finalizer) {
        // Hand the frame to a fresh object for the hook (CPython resurrects the generator).
        auto heir = Ref<GeneratorObject>::make(rt, type, kind, frame);
        heir->state = State::Suspended;
        heir->code = code;
        heir->take_names(*this);
        frame->generator = heir.get();
        frame = nullptr;
        try {
            vm_state(rt).async_generator_finalizer(rt, Value(std::move(heir)));
        } catch (...) {
        }
    }
    if (live && state == State::Suspended && frame) {
        // As CPython: a suspended generator is closed when collected (its finally blocks run).
        refcount = 1;  // keep alive while closing
        try {
            generator_close(rt, *this);
        } catch (...) {
        }
        refcount = 0;
    }
    if (frame) {
        if (live)
            release_frame(vm_state(rt), frame);
        else
            delete frame;
        frame = nullptr;
    }
}

void GeneratorObject::clear_references() {
    if (frame) {
        for (std::uint32_t i = 0; i < frame->capacity; ++i) {
            frame->slots[i] = Value();
        }
        frame->handled = Value();
        frame->pending_throw = Value();
        frame->function_ref = Value();
    }
}

GeneratorObject* as_generator(const Value& v) {
    if (!v.is_object() || !is_generator_type(v.as_object()->type))
        return nullptr;
    return v.as<GeneratorObject>();
}

Value make_generator(Runtime& rt, Frame* frame, FunctionObject& function) {
    VmState& vm = vm_state(rt);
    const CodeObject& c = *function.code;
    Ref<GeneratorObject> gen;
    if (c.has(CodeObject::kCoroutine)) {
        gen = Ref<GeneratorObject>(new CoroutineObject(rt, vm.coroutine_type.get(),
                                                       GeneratorObject::Kind::Coroutine, frame));
    } else if (c.has(CodeObject::kAsyncGenerator)) {
        gen = Ref<GeneratorObject>::make(rt, vm.async_generator_type.get(),
                                         GeneratorObject::Kind::AsyncGenerator, frame);
    } else {
        gen = Ref<GeneratorObject>::make(rt, vm.generator_type.get(),
                                         GeneratorObject::Kind::Generator, frame);
    }
    gen->code = function.code;
    gen->take_names(function);
    frame->generator = gen.get();
    return Value(std::move(gen));
}

StepResult generator_send(Runtime& rt, GeneratorObject& gen, Value value) {
    check_runnable(rt, gen);
    if (gen.state == GeneratorObject::State::Finished) {
        if (gen.kind == GeneratorObject::Kind::Coroutine)
            raise_error(rt, rt.types().RuntimeError, "cannot reuse already awaited coroutine");
        return StepResult{false, Value(), false};
    }
    Frame* f = gen.frame;
    if (gen.state == GeneratorObject::State::Created) {
        if (!value.is_none())
            raise_error(
                rt, rt.types().TypeError,
                std::string("can't send non-None value to a just-started ") + kind_word(gen));
    } else if (f->delegating && f->sp[-1].is_object() &&
               f->sp[-1].as_object()->type->slots.host_awaitable) {
        // The host finished waiting: the await's result is `value`.
        f->sp[-1] = std::move(value);
        f->pc = send_target(*f) - 1;
    } else {
        *f->sp++ = std::move(value);
    }
    return run_step(rt, gen);
}

StepResult generator_throw(Runtime& rt, GeneratorObject& gen, Value exception) {
    check_runnable(rt, gen);
    if (as_type(rt, exception))
        exception = exception_from_raise_operand(rt, exception);
    if (gen.state == GeneratorObject::State::Finished)
        throw ScriptError{exception};
    Frame* f = gen.frame;
    if (gen.state == GeneratorObject::State::Created) {
        gen.state = GeneratorObject::State::Finished;
        gen.frame = nullptr;
        release_frame(vm_state(rt), f);
        throw ScriptError{exception};
    }
    if (f->delegating) {
        Value sub = f->sp[-1];
        bool host = sub.is_object() && sub.as_object()->type->slots.host_awaitable;
        if (!host) {
            if (is_instance(rt, exception, rt.types().GeneratorExit)) {
                if (GeneratorObject* g = as_generator(sub)) {
                    try {
                        generator_close(rt, *g);
                    } catch (ScriptError& e) {
                        exception = e.exception;
                    }
                }
            } else {
                std::optional<StepResult> r;
                try {
                    gen.state = GeneratorObject::State::Running;
                    r = delegate_throw(rt, sub, exception);
                    gen.state = GeneratorObject::State::Suspended;
                } catch (ScriptError& e) {
                    gen.state = GeneratorObject::State::Suspended;
                    exception = e.exception;
                }
                if (r) {
                    if (r->yielded)
                        return std::move(*r);
                    // The delegate returned: this frame goes on after its await (yield from),
                    // outside the try above. What it raises then is its own exception and
                    // leaves throw(); caught as the delegate's, it was thrown back into this
                    // frame, which its failed step had already finished and released.
                    f->sp[-1] = std::move(r->value);
                    f->pc = send_target(*f) - 1;
                    return run_step(rt, gen);
                }
            }
        }
        *--f->sp = Value();  // the delegate is done with
        f->delegating = false;
    }
    f->pending_throw = std::move(exception);
    f->has_pending_throw = true;
    return run_step(rt, gen);
}

void generator_close(Runtime& rt, GeneratorObject& gen) {
    if (gen.state == GeneratorObject::State::Created) {
        gen.state = GeneratorObject::State::Finished;
        if (gen.frame) {
            release_frame(vm_state(rt), gen.frame);
            gen.frame = nullptr;
        }
        return;
    }
    if (gen.state != GeneratorObject::State::Suspended)
        return;
    Value exit = make_exception(rt, rt.types().GeneratorExit, std::vector<Value>{});
    StepResult r;
    try {
        r = generator_throw(rt, gen, exit);
    } catch (ScriptError& e) {
        if (is_instance(rt, e.exception, rt.types().GeneratorExit) ||
            is_instance(rt, e.exception, rt.types().StopIteration))
            return;
        throw;
    }
    if (r.yielded)
        raise_error(rt, rt.types().RuntimeError,
                    std::string(kind_word(gen)) + " ignored GeneratorExit");
}

// --- async generator steps -----------------------------------------------------------------

namespace {

StepResult asend_outcome(Runtime& rt, AsendObject& a, StepResult r) {
    if (r.yielded && !r.real_yield)
        return r;  // an await inside the async generator: pass it to our awaiter
    a.finished = true;
    if (a.mode == AsendObject::Mode::Close) {
        if (r.yielded)
            raise_error(rt, rt.types().RuntimeError, "async generator ignored GeneratorExit");
        return StepResult{false, Value(), false};
    }
    if (r.yielded)
        return StepResult{false, std::move(r.value), false};
    raise_error(rt, rt.types().StopAsyncIteration, "");
}

StepResult asend_step(Runtime& rt, AsendObject& a, Value value, bool is_throw) {
    if (a.finished)
        raise_error(rt, rt.types().RuntimeError,
                    a.mode == AsendObject::Mode::Send
                        ? "cannot reuse already awaited __anext__()/asend()"
                        : "cannot reuse already awaited aclose()/athrow()");
    GeneratorObject& gen = *as_generator(a.agen);
    try {
        if (!a.started) {
            a.started = true;
            if (a.mode == AsendObject::Mode::Send) {
                if (is_throw)
                    return asend_outcome(rt, a, generator_throw(rt, gen, value));
                return asend_outcome(rt, a, generator_send(rt, gen, a.value));
            }
            if (gen.state == GeneratorObject::State::Finished ||
                gen.state == GeneratorObject::State::Created) {
                if (gen.state == GeneratorObject::State::Created)
                    generator_close(rt, gen);
                a.finished = true;
                if (a.mode == AsendObject::Mode::Throw)
                    throw ScriptError{a.value};
                return StepResult{false, Value(), false};
            }
            Value exc = a.mode == AsendObject::Mode::Close
                            ? make_exception(rt, rt.types().GeneratorExit, std::vector<Value>{})
                            : a.value;
            return asend_outcome(rt, a, generator_throw(rt, gen, exc));
        }
        if (is_throw)
            return asend_outcome(rt, a, generator_throw(rt, gen, value));
        return asend_outcome(rt, a, generator_send(rt, gen, std::move(value)));
    } catch (ScriptError& e) {
        a.finished = true;
        if (a.mode == AsendObject::Mode::Close &&
            (is_instance(rt, e.exception, rt.types().GeneratorExit) ||
             is_instance(rt, e.exception, rt.types().StopAsyncIteration)))
            return StepResult{false, Value(), false};
        throw;
    }
}

Value stop_iteration_value(Runtime& rt, const Value& exc) {
    Value v;
    if (lookup_attr(rt, exc, "value", v))
        return v;
    return Value();
}

}  // namespace

StepResult delegate_send(Runtime& rt, const Value& sub, Value value) {
    if (GeneratorObject* g = as_generator(sub))
        return generator_send(rt, *g, std::move(value));
    if (AsendObject* a = as_asend(sub))
        return asend_step(rt, *a, std::move(value), false);
    try {
        if (value.is_none()) {
            Value out;
            if (iter_next(rt, sub, out))
                return StepResult{true, std::move(out), false};
            return StepResult{false, Value(), false};
        }
        return StepResult{true, call_method(rt, sub, "send", {value}), false};
    } catch (ScriptError& e) {
        if (is_instance(rt, e.exception, rt.types().StopIteration))
            return StepResult{false, stop_iteration_value(rt, e.exception), false};
        throw;
    }
}

StepResult delegate_throw(Runtime& rt, const Value& sub, Value exception) {
    if (GeneratorObject* g = as_generator(sub))
        return generator_throw(rt, *g, std::move(exception));
    if (AsendObject* a = as_asend(sub))
        return asend_step(rt, *a, std::move(exception), true);
    Value method;
    if (!lookup_attr(rt, sub, "throw", method))
        throw ScriptError{exception};
    try {
        return StepResult{true, call(rt, method, {exception}), false};
    } catch (ScriptError& e) {
        if (is_instance(rt, e.exception, rt.types().StopIteration))
            return StepResult{false, stop_iteration_value(rt, e.exception), false};
        throw;
    }
}

Value get_awaitable(Runtime& rt, const Value& v, int context) {
    if (GeneratorObject* g = as_generator(v)) {
        if (g->kind == GeneratorObject::Kind::Coroutine)
            return v;
    }
    if (v.is_object() && v.as_object()->type->slots.host_awaitable)
        return v;
    if (as_asend(v))
        return v;
    Value method;
    if (lookup_bound_special(rt, v, "__await__", method)) {
        Value it = call(rt, method, {});
        if (GeneratorObject* g = as_generator(it))
            if (g->kind == GeneratorObject::Kind::Coroutine)
                raise_error(rt, rt.types().TypeError, "__await__() returned a coroutine");
        if (!as_generator(it) && !type_of(rt, it).slots.next && !type_of(rt, it).lookup("__next__"))
            raise_error(rt, rt.types().TypeError,
                        "__await__() returned non-iterator of type '" +
                            std::string(type_name(rt, it)) + "'");
        return it;
    }
    std::string tn(type_name(rt, v));
    if (context == 1)
        raise_error(rt, rt.types().TypeError,
                    "'async with' received an object from __aenter__ that does not implement "
                    "__await__: " +
                        tn);
    if (context == 2)
        raise_error(rt, rt.types().TypeError,
                    "'async with' received an object from __aexit__ that does not implement "
                    "__await__: " +
                        tn);
    raise_error(rt, rt.types().TypeError, "object " + tn + " can't be used in 'await' expression");
}

bool lookup_bound_special(Runtime& rt, const Value& obj, std::string_view name, Value& bound) {
    Value callable;
    bool prepend = false;
    if (!lookup_special(rt, obj, name, callable, prepend))
        return false;
    bound = prepend ? make_bound_method(rt, callable, obj) : callable;
    return true;
}

Value get_yield_from_iter(Runtime& rt, const Value& v, const CodeObject& code) {
    if (GeneratorObject* g = as_generator(v)) {
        if (g->kind == GeneratorObject::Kind::Coroutine && !code.has(CodeObject::kCoroutine))
            raise_error(rt, rt.types().TypeError,
                        "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return v;
    }
    return get_iter(rt, v);
}

Value get_aiter(Runtime& rt, const Value& v) {
    if (GeneratorObject* g = as_generator(v))
        if (g->kind == GeneratorObject::Kind::AsyncGenerator)
            return v;
    Value method;
    if (!lookup_bound_special(rt, v, "__aiter__", method))
        raise_error(rt, rt.types().TypeError,
                    "'async for' requires an object with __aiter__ method, got " +
                        std::string(type_name(rt, v)));
    return call(rt, method, {});
}

Value get_anext(Runtime& rt, const Value& aiter) {
    if (GeneratorObject* g = as_generator(aiter))
        if (g->kind == GeneratorObject::Kind::AsyncGenerator)
            return Value(Ref<AsendObject>::make(rt, vm_state(rt).async_generator_asend_type.get(),
                                                aiter, AsendObject::Mode::Send, Value()));
    Value method;
    if (!lookup_bound_special(rt, aiter, "__anext__", method))
        raise_error(rt, rt.types().TypeError,
                    "'async for' received an object from __aiter__ that does not implement "
                    "__anext__: " +
                        std::string(type_name(rt, aiter)));
    return call(rt, method, {});
}

// --- types ---------------------------------------------------------------------------------

namespace {

Value self_iter(Runtime&, const Value& self) {
    return self;
}

bool generator_next(Runtime& rt, const Value& self, Value& out) {
    StepResult r = generator_send(rt, *self.as<GeneratorObject>(), Value());
    if (!r.yielded)
        return false;
    out = std::move(r.value);
    return true;
}

[[noreturn]] void raise_stop_iteration(Runtime& rt, Value value) {
    std::vector<Value> args;
    if (!value.is_none())
        args.push_back(value);
    Value exc = make_exception(rt, rt.types().StopIteration, std::move(args));
    if (ExceptionObject* e = as_exception(rt, exc))
        e->dict.set("value", value);
    throw ScriptError{exc};
}

std::string generator_repr(Runtime&, const Value& self) {
    auto* g = self.as<GeneratorObject>();
    const char* word = g->kind == GeneratorObject::Kind::Generator   ? "generator"
                       : g->kind == GeneratorObject::Kind::Coroutine ? "coroutine"
                                                                     : "async_generator";
    return std::string("<") + word + " object " + g->qualname() + " at " + address_of(g) + ">";
}

std::string asend_repr(Runtime&, const Value& self) {
    return "<async_generator_asend object at " + address_of(self.as_object()) + ">";
}

GeneratorObject& self_generator(Runtime& rt, const CallArgs& args) {
    if (args.size() < 1 || !as_generator(args[0]))
        raise_error(rt, rt.types().TypeError, "descriptor requires a generator object");
    return *as_generator(args[0]);
}

Value method_send(Runtime& rt, const CallArgs& args) {
    GeneratorObject& g = self_generator(rt, args);
    StepResult r = generator_send(rt, g, args.size() > 1 ? args[1] : Value());
    if (!r.yielded)
        raise_stop_iteration(rt, r.value);
    return r.value;
}

Value method_throw(Runtime& rt, const CallArgs& args) {
    GeneratorObject& g = self_generator(rt, args);
    if (args.size() < 2)
        raise_error(rt, rt.types().TypeError, "throw expected at least 1 argument, got 0");
    StepResult r = generator_throw(rt, g, args[1]);
    if (!r.yielded)
        raise_stop_iteration(rt, r.value);
    return r.value;
}

Value method_close(Runtime& rt, const CallArgs& args) {
    generator_close(rt, self_generator(rt, args));
    return Value();
}

Value method_name(Runtime& rt, const CallArgs& args) {
    return make_str(rt, self_generator(rt, args).name());
}

void asend_type_slots(TypeSlots& s) {
    s.iter = &self_iter;
    s.repr = &asend_repr;
    s.next = [](Runtime& rt, const Value& self, Value& out) {
        StepResult r = asend_step(rt, *self.as<AsendObject>(), Value(), false);
        if (!r.yielded)
            raise_stop_iteration(rt, r.value);
        out = std::move(r.value);
        return true;
    };
}

TypeObject* g_types[4] = {};

// anext(it, default) is a small coroutine, compiled from Python once per runtime.
Value anext_with_default(Runtime& rt) {
    VmState& vm = vm_state(rt);
    Value cached;
    if (vm.helpers.get("anext_default", cached))
        return cached;
    static const char* const kSource =
        "async def anext(awaitable, default):\n"
        "    try:\n"
        "        return await awaitable\n"
        "    except StopAsyncIteration:\n"
        "        return default\n";
    ParseOutcome parsed = parse_module(kSource, "<anext>");
    CompileOutcome compiled = compile_module(rt, *parsed.module, "<anext>", kSource);
    Ref<ModuleObject> module = make_module(rt, "builtins");
    run_module(rt, compiled.code, *module);
    Value fn;
    module->dict.get("anext", fn);
    vm.helpers.set("anext_default", fn);
    return fn;
}

bool is_generator_type(const TypeObject* t) {
    return t && t->slots.repr == &generator_repr;
}

AsendObject* as_asend(const Value& v) {
    if (v.is_object() && v.as_object()->type && v.as_object()->type->slots.repr == &asend_repr)
        return v.as<AsendObject>();
    return nullptr;
}

}  // namespace

void install_generator_types(VmState& vm) {
    Runtime& rt = vm.rt;
    vm.generator_type = make_native_type(rt, "generator", nullptr);
    vm.coroutine_type = make_native_type(rt, "coroutine", nullptr);
    vm.async_generator_type = make_native_type(rt, "async_generator", nullptr);
    vm.async_generator_asend_type = make_native_type(rt, "async_generator_asend", nullptr);
    for (TypeObject* t :
         {vm.generator_type.get(), vm.coroutine_type.get(), vm.async_generator_type.get()}) {
        t->slots.repr = &generator_repr;
        define_property(rt, *t, "__name__", [](Runtime& r, const Value& self) {
            return make_str(r, self.as<GeneratorObject>()->name());
        });
        define_property(rt, *t, "__qualname__", [](Runtime& r, const Value& self) {
            return make_str(r, self.as<GeneratorObject>()->qualname());
        });
    }
    TypeObject& gen = *vm.generator_type;
    gen.slots.iter = &self_iter;
    gen.slots.next = &generator_next;
    define_method(rt, gen, "send", &method_send);
    define_method(rt, gen, "throw", &method_throw);
    define_method(rt, gen, "close", &method_close);

    TypeObject& coro = *vm.coroutine_type;
    define_method(rt, coro, "send", &method_send);
    define_method(rt, coro, "throw", &method_throw);
    define_method(rt, coro, "close", &method_close);
    define_method(rt, coro, "__await__", [](Runtime& r, const CallArgs& args) -> Value {
        self_generator(r, args);
        return args[0];
    });

    TypeObject& agen = *vm.async_generator_type;
    define_method(rt, agen, "__aiter__", [](Runtime&, const CallArgs& args) { return args[0]; });
    define_method(rt, agen, "__anext__", [](Runtime& r, const CallArgs& args) {
        return Value(Ref<AsendObject>::make(r, vm_state(r).async_generator_asend_type.get(),
                                            args[0], AsendObject::Mode::Send, Value()));
    });
    define_method(rt, agen, "asend", [](Runtime& r, const CallArgs& args) {
        return Value(Ref<AsendObject>::make(r, vm_state(r).async_generator_asend_type.get(),
                                            args[0], AsendObject::Mode::Send,
                                            args.size() > 1 ? args[1] : Value()));
    });
    define_method(rt, agen, "athrow", [](Runtime& r, const CallArgs& args) {
        Value exc = args.size() > 1 ? args[1] : Value();
        if (as_type(r, exc))
            exc = exception_from_raise_operand(r, exc);
        return Value(Ref<AsendObject>::make(r, vm_state(r).async_generator_asend_type.get(),
                                            args[0], AsendObject::Mode::Throw, exc));
    });
    define_method(rt, agen, "aclose", [](Runtime& r, const CallArgs& args) {
        return Value(Ref<AsendObject>::make(r, vm_state(r).async_generator_asend_type.get(),
                                            args[0], AsendObject::Mode::Close, Value()));
    });
    asend_type_slots(vm.async_generator_asend_type->slots);

    rt.builtins().set(
        "aiter", make_native_function(rt, "aiter", [](Runtime& r, const CallArgs& args) {
            if (args.size() != 1)
                raise_error(r, r.types().TypeError,
                            "aiter expected 1 argument, got " + std::to_string(args.size()));
            return get_aiter(r, args[0]);
        }));
    rt.builtins().set(
        "anext", make_native_function(rt, "anext", [](Runtime& r, const CallArgs& args) {
            if (args.size() < 1 || args.size() > 2)
                raise_error(
                    r, r.types().TypeError,
                    "anext expected at least 1 argument, got " + std::to_string(args.size()));
            Value awaitable = get_anext(r, args[0]);
            if (args.size() == 1)
                return awaitable;
            // anext(it, default): an awaitable that turns StopAsyncIteration into `default`.
            return call(r, anext_with_default(r), {awaitable, args[1]});
        }));

    // next(generator) raises StopIteration carrying the generator's return value (the generic
    // builtin cannot know it: the `next` slot reports exhaustion without an exception).
    Value builtin_next;
    if (rt.builtins().get("next", builtin_next)) {
        rt.builtins().set(
            "next",
            make_native_function(rt, "next", [builtin_next](Runtime& r, const CallArgs& args) {
                if (args.size() == 1 && !args.has_keywords()) {
                    if (GeneratorObject* g = as_generator(args[0])) {
                        if (g->kind == GeneratorObject::Kind::Generator) {
                            StepResult res = generator_send(r, *g, Value());
                            if (!res.yielded)
                                raise_stop_iteration(r, res.value);
                            return res.value;
                        }
                    }
                }
                return call(r, builtin_next, args);
            }));
    }
    define_method(rt, *vm.async_generator_asend_type, "send", [](Runtime& r, const CallArgs& args) {
        StepResult res =
            asend_step(r, *args[0].as<AsendObject>(), args.size() > 1 ? args[1] : Value(), false);
        if (!res.yielded)
            raise_stop_iteration(r, res.value);
        return res.value;
    });
    define_method(rt, *vm.async_generator_asend_type, "throw",
                  [](Runtime& r, const CallArgs& args) {
                      StepResult res = asend_step(r, *args[0].as<AsendObject>(),
                                                  args.size() > 1 ? args[1] : Value(), true);
                      if (!res.yielded)
                          raise_stop_iteration(r, res.value);
                      return res.value;
                  });
    (void)method_name;
    (void)g_types;
}

}  // namespace loopscope::script::vm

// --- coroutine.h ---------------------------------------------------------------------------

namespace loopscope::script {

using vm::as_generator;
using vm::generator_close;
using vm::generator_send;
using vm::generator_throw;
using vm::GeneratorObject;
using vm::StepResult;

Resumption resume(Runtime& rt, CoroutineObject& coro, Value send) {
    StepResult r = generator_send(rt, coro, std::move(send));
    if (r.yielded)
        return Resumption{Resumption::Kind::Awaiting, std::move(r.value)};
    return Resumption{Resumption::Kind::Returned, std::move(r.value)};
}

Resumption resume_throw(Runtime& rt, CoroutineObject& coro, Value exception) {
    StepResult r = generator_throw(rt, coro, std::move(exception));
    if (r.yielded)
        return Resumption{Resumption::Kind::Awaiting, std::move(r.value)};
    return Resumption{Resumption::Kind::Returned, std::move(r.value)};
}

bool is_coroutine(const Value& v) {
    return as_coroutine(v) != nullptr;
}

CoroutineObject* as_coroutine(const Value& v) {
    GeneratorObject* g = as_generator(v);
    if (!g || g->kind != GeneratorObject::Kind::Coroutine)
        return nullptr;
    return static_cast<CoroutineObject*>(g);
}

Runtime& coroutine_runtime(const CoroutineObject& coro) {
    return *coro.runtime;
}

std::string coroutine_qualname(const CoroutineObject& coro) {
    return coro.qualname();
}

std::string coroutine_filename(const CoroutineObject& coro) {
    return coro.code ? coro.code->filename : std::string();
}

int coroutine_current_line(const CoroutineObject& coro) {
    // The innermost frame of the await chain: follow the delegates.
    const GeneratorObject* g = &coro;
    int line = coro.code ? coro.code->first_line : 0;
    while (g && g->frame) {
        const vm::Frame* f = g->frame;
        line = g->state == GeneratorObject::State::Created ? g->code->first_line : f->line();
        if (!f->delegating || f->sp == f->stack())
            break;
        const Value& sub = f->sp[-1];
        g = as_generator(sub);
        if (!g) {
            if (vm::AsendObject* a = vm::as_asend(sub))
                g = as_generator(a->agen);  // async for: into the async generator's frame
        }
    }
    return line;
}

int coroutine_frame_line(const CoroutineObject& coro) {
    if (!coro.frame || coro.state == GeneratorObject::State::Created)
        return coro.code ? coro.code->first_line : 0;
    return coro.frame->line();
}

bool coroutine_started(const CoroutineObject& coro) {
    return coro.state != GeneratorObject::State::Created;
}

bool coroutine_finished(const CoroutineObject& coro) {
    return coro.state == GeneratorObject::State::Finished;
}

void close_coroutine(Runtime& rt, CoroutineObject& coro) {
    generator_close(rt, coro);
}

}  // namespace loopscope::script
