// asyncio.Lock, Event, Condition, Semaphore, BoundedSemaphore over core/sync.
#include <cstdio>

#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_parts.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/primitive_binding.h"
#include "script/objects/errors.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "sync/bounded_semaphore.h"
#include "sync/condition.h"
#include "sync/event.h"
#include "sync/lock.h"
#include "sync/semaphore.h"

namespace loopscope::script {

namespace {

// CPython's Lock, Semaphore and Condition share `async def __aenter__`/`__aexit__` from
// asyncio.locks._ContextManagerMixin: their coroutines are named so.
constexpr const char* kAenterName = "_ContextManagerMixin.__aenter__";
constexpr const char* kAexitName = "_ContextManagerMixin.__aexit__";

// --- Lock ----------------------------------------------------------------------------------

struct LockObject : TrackedObject {
    LockObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    Bound<Lock> lock;
    void clear_references() override {}
};

Lock& lock_of(Runtime& rt, const Value& self) {
    auto* object = self.as<LockObject>();
    return object->lock.get(rt, self, [](Scheduler& s) { return std::make_shared<Lock>(s); });
}

// acquire() for someone else than a task's host (create_task(lock.acquire()), wait_for): the
// lock's own coroutine, holding the lock while it runs.
Coro<Value> acquire_lock_then(std::shared_ptr<Lock> lock, Value result) {
    co_await lock->acquire();
    co_return result;
}

// `await lock.acquire()`, `async with lock:`. A free lock is taken at once, inside the awaiting
// step, as CPython's coroutine takes it (HostAwaitable::finishes_at_once); only a lock that
// must be waited for costs acquire()'s coroutine frame, made then. `value` is what the await
// returns (True for acquire(), None for __aenter__).
struct LockAcquireObject final : OperationObject {
    LockAcquireObject(Runtime& rt, TypeObject* cls, std::shared_ptr<Lock> lock_, Value value_,
                      const char* name_)
        : OperationObject(rt, cls, DirectWait{DirectWait::Kind::Frame, 0}, std::move(value_),
                          name_),
          lock(std::move(lock_)) {}

    DirectWait start_direct(Runtime&) override {
        const DirectWait taken = take_direct();
        if (taken.kind == DirectWait::Kind::Frame && lock->try_acquire()) {
            return DirectWait{DirectWait::Kind::Ready, 0};
        }
        return taken;  // acquire()'s frame; None when awaited before: start() says so
    }
    bool finishes_at_once() const override {
        return direct_kind() == DirectWait::Kind::Frame && lock->can_acquire_at_once();
    }
    ErasedFrame start_frame() override { return ErasedFrame(lock->acquire()); }
    Value frame_result(ErasedFrame&) override { return value; }
    Coro<Value> start(Runtime& rt, const Value& self) override {
        if (direct_kind() != DirectWait::Kind::Frame) {
            return OperationObject::start(rt, self);  // taken already: "cannot reuse"
        }
        take_direct();
        return acquire_lock_then(lock, value);
    }

    std::shared_ptr<Lock> lock;
};

Value lock_acquire(Runtime& rt, const Value& self, Value result, const char* name) {
    lock_of(rt, self);
    std::shared_ptr<Lock> lock = self.as<LockObject>()->lock.shared();
    return Value(Ref<LockAcquireObject>::make(rt, asyncio_state(rt).types.Operation.get(),
                                              std::move(lock), std::move(result), name));
}

void release_lock(Runtime& rt, const Value& self) {
    auto* object = self.as<LockObject>();
    if (!object->lock.bound(rt)) {
        raise_error(rt, rt.types().RuntimeError, "Lock is not acquired.");
    }
    with_python_errors(rt, [&] { object->lock.shared()->release(); });
}

std::string lock_repr(Runtime& rt, const Value& self) {
    auto* object = self.as<LockObject>();
    std::string extra = "unlocked";
    if (object->lock.bound(rt)) {
        const Lock& lock = *object->lock.shared();
        extra = lock.locked() ? "locked" : "unlocked";
        if (lock.waiter_count() != 0) {
            extra += ", waiters:" + std::to_string(lock.waiter_count());
        }
    }
    return object_repr_prefix(self, "asyncio.locks.Lock") + " [" + extra + "]>";
}

void install_lock(Runtime& rt, ModuleObject& module) {
    AsyncioState& state = asyncio_state(rt);
    TypeBuilder builder(rt, "Lock", "asyncio.locks");
    builder
        .method("acquire",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "acquire", "Lock.acquire");
                    }
                    return lock_acquire(r, a[0], Value::boolean(true), "Lock.acquire");
                })
        .method("release",
                [](Runtime& r, const CallArgs& a) {
                    release_lock(r, a[0]);
                    return Value();
                })
        .method("locked",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<LockObject>();
                    return Value::boolean(object->lock.bound(r) && object->lock.shared()->locked());
                })
        .method("__aenter__",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "__aenter__", kAenterName);
                    }
                    return lock_acquire(r, a[0], Value(), kAenterName);
                })
        .method("__aexit__", [](Runtime& r, const CallArgs& a) {
            return make_ready_after(r, a[0], release_lock, kAexitName);
        });
    builder.slots().repr = lock_repr;
    builder.slots().construct = [](Runtime& r, TypeObject& type, const CallArgs& a) -> Value {
        expect_exactly(r, a, "Lock", 0);
        return Value(Ref<LockObject>::make(r, &type));
    };
    state.types.Lock = builder.build();
    module.dict.set("Lock", Value(state.types.Lock));
}

// --- Event ---------------------------------------------------------------------------------

struct EventObject : TrackedObject {
    EventObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    Bound<Event> event;
    void clear_references() override {}
};

Event& event_of(Runtime& rt, const Value& self) {
    return self.as<EventObject>()->event.get(
        rt, self, [](Scheduler& s) { return std::make_shared<Event>(s); });
}

Value event_wait(Runtime& rt, std::shared_ptr<Event> event) {
    Coro<bool> waiting = event->wait();
    return make_frame_operation(rt, std::move(event), ErasedFrame(std::move(waiting)),
                                result_is_value, Value::boolean(true), "Event.wait");
}

void install_event(Runtime& rt, ModuleObject& module) {
    AsyncioState& state = asyncio_state(rt);
    TypeBuilder builder(rt, "Event", "asyncio.locks");
    builder
        .method("is_set",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<EventObject>();
                    if (!object->event.bound(r)) {
                        return Value::boolean(object->event.remembered_flag);
                    }
                    return Value::boolean(object->event.shared()->is_set());
                })
        .method("set",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<EventObject>();
                    if (asyncio_state(r).scheduler == nullptr && !object->event.bound(r)) {
                        object->event.remembered_flag = true;  // set before any loop runs
                        return Value();
                    }
                    event_of(r, a[0]).set();
                    return Value();
                })
        .method("clear",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<EventObject>();
                    if (asyncio_state(r).scheduler == nullptr && !object->event.bound(r)) {
                        object->event.remembered_flag = false;
                        return Value();
                    }
                    event_of(r, a[0]).clear();
                    return Value();
                })
        .method("wait", [](Runtime& r, const CallArgs& a) {
            if (no_running_loop(r)) {
                return defer_method(r, a, "wait", "Event.wait");
            }
            auto* object = a[0].as<EventObject>();
            Event& event = event_of(r, a[0]);
            if (object->event.remembered_flag && !event.is_set()) {
                event.set();
            }
            object->event.remembered_flag = false;
            return event_wait(r, object->event.shared());
        });
    builder.slots().repr = [](Runtime& r, const Value& self) {
        auto* object = self.as<EventObject>();
        std::string extra = "unset";
        if (object->event.bound(r)) {
            const Event& event = *object->event.shared();
            extra = event.is_set() ? "set" : "unset";
            if (event.waiter_count() != 0) {
                extra += ", waiters:" + std::to_string(event.waiter_count());
            }
        } else if (object->event.remembered_flag) {
            extra = "set";
        }
        return object_repr_prefix(self, "asyncio.locks.Event") + " [" + extra + "]>";
    };
    builder.slots().construct = [](Runtime& r, TypeObject& type, const CallArgs& a) -> Value {
        expect_exactly(r, a, "Event", 0);
        return Value(Ref<EventObject>::make(r, &type));
    };
    state.types.Event = builder.build();
    module.dict.set("Event", Value(state.types.Event));
}

// --- Semaphore, BoundedSemaphore -------------------------------------------------------------

struct SemaphoreObject : TrackedObject {
    SemaphoreObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    Bound<Semaphore> semaphore;
    std::int64_t initial = 1;
    bool bounded = false;
    void clear_references() override {}
};

Semaphore& semaphore_of(Runtime& rt, const Value& self) {
    auto* object = self.as<SemaphoreObject>();
    const std::int64_t initial = object->initial;
    const bool bounded = object->bounded;
    return object->semaphore.get(rt, self, [initial, bounded](Scheduler& s) {
        return bounded ? std::shared_ptr<Semaphore>(std::make_shared<BoundedSemaphore>(s, initial))
                       : std::make_shared<Semaphore>(s, initial);
    });
}

// acquire() for someone else than a task's host (create_task(sem.acquire()), wait_for): the
// semaphore's own coroutine, holding the semaphore while it runs.
Coro<Value> acquire_then(std::shared_ptr<Semaphore> semaphore, Value result) {
    co_await semaphore->acquire();
    co_return result;
}

// `await semaphore.acquire()`, `async with semaphore:`. A task's host awaits the semaphore's
// waiter future itself (DirectWait::Kind::Future), so a task waiting for a unit costs this
// object and the waiter, not also acquire()'s coroutine frame (152 bytes); the steps are
// acquire()'s own (Semaphore::begin_acquire ...), so the trace is the same. `value` is what the
// await returns (True for acquire(), None for __aenter__).
struct SemaphoreAcquireObject final : OperationObject {
    SemaphoreAcquireObject(Runtime& rt, TypeObject* cls, std::shared_ptr<Semaphore> semaphore_,
                           Value value_, const char* name_)
        : OperationObject(rt, cls, DirectWait{DirectWait::Kind::Future, 0}, std::move(value_),
                          name_),
          semaphore(std::move(semaphore_)) {}

    Coro<Value> start(Runtime& rt, const Value& self) override {
        if (direct_kind() != DirectWait::Kind::Future) {
            return OperationObject::start(rt, self);  // taken already: "cannot reuse"
        }
        take_direct();
        return acquire_then(semaphore, value);
    }
    FutureRef<FutureCore> start_waiter() override {
        std::optional<Future<void>> queued = semaphore->begin_acquire();
        return queued ? queued->core() : nullptr;
    }
    // begin_acquire() takes a unit at once when the semaphore is not locked.
    bool finishes_at_once() const override {
        return direct_kind() == DirectWait::Kind::Future && !semaphore->locked();
    }
    Value waiter_result(FutureCore& waiter) override {
        semaphore->end_acquire(waiter);
        return value;
    }
    void waiter_failed(FutureCore& waiter, bool cancelled) override {
        semaphore->abandon_acquire(waiter, cancelled);
    }

    std::shared_ptr<Semaphore> semaphore;
};

Value semaphore_acquire(Runtime& rt, const Value& self, Value result, const char* name) {
    std::shared_ptr<Semaphore> semaphore = self.as<SemaphoreObject>()->semaphore.shared();
    return Value(Ref<SemaphoreAcquireObject>::make(rt, asyncio_state(rt).types.Operation.get(),
                                                   std::move(semaphore), std::move(result), name));
}

void release_semaphore(Runtime& r, const Value& self) {
    Semaphore& semaphore = semaphore_of(r, self);
    with_python_errors(r, [&] { semaphore.release(); });
}

void install_semaphore(Runtime& rt, ModuleObject& module, bool bounded) {
    AsyncioState& state = asyncio_state(rt);
    const char* name = bounded ? "BoundedSemaphore" : "Semaphore";
    TypeBuilder builder(rt, name, "asyncio.locks");
    if (bounded) {
        builder.base(*state.types.Semaphore);
    }
    builder
        .method("acquire",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "acquire", "Semaphore.acquire");
                    }
                    semaphore_of(r, a[0]);
                    return semaphore_acquire(r, a[0], Value::boolean(true), "Semaphore.acquire");
                })
        .method("release",
                [](Runtime& r, const CallArgs& a) {
                    release_semaphore(r, a[0]);
                    return Value();
                })
        .method("locked",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<SemaphoreObject>();
                    if (!object->semaphore.bound(r)) {
                        return Value::boolean(object->initial == 0);
                    }
                    return Value::boolean(object->semaphore.shared()->locked());
                })
        .method("__aenter__",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "__aenter__", kAenterName);
                    }
                    semaphore_of(r, a[0]);
                    return semaphore_acquire(r, a[0], Value(), kAenterName);
                })
        .method("__aexit__", [](Runtime& r, const CallArgs& a) {
            return make_ready_after(r, a[0], release_semaphore, kAexitName);
        });
    builder.slots().repr = [](Runtime& r, const Value& self) {
        auto* object = self.as<SemaphoreObject>();
        std::int64_t value = object->initial;
        bool locked = value == 0;
        std::size_t waiters = 0;
        if (object->semaphore.bound(r)) {
            const Semaphore& semaphore = *object->semaphore.shared();
            value = semaphore.value();
            locked = semaphore.locked();
            waiters = semaphore.waiter_count();
        }
        std::string extra = locked ? "locked" : "unlocked, value:" + std::to_string(value);
        if (waiters != 0) {
            extra += ", waiters:" + std::to_string(waiters);
        }
        const std::string cls = std::string("asyncio.locks.") + self.as_object()->type->name;
        return object_repr_prefix(self, cls) + " [" + extra + "]>";
    };
    builder.slots().construct = [](Runtime& r, TypeObject& type, const CallArgs& a) -> Value {
        static const Signature signature{"Semaphore", {"value"}, 0};
        auto parsed = parse_arguments(r, a, signature);
        const std::int64_t value = parsed[0] ? to_index(r, *parsed[0]) : 1;
        if (value < 0) {
            raise_error(r, r.types().ValueError, "Semaphore initial value must be >= 0");
        }
        auto object = Ref<SemaphoreObject>::make(r, &type);
        object->initial = value;
        object->bounded = type.is_subtype_of(*asyncio_state(r).types.BoundedSemaphore);
        return Value(object);
    };
    Ref<TypeObject> built = builder.build();
    (bounded ? state.types.BoundedSemaphore : state.types.Semaphore) = built;
    module.dict.set(name, Value(built));
}

// --- Condition -------------------------------------------------------------------------------

struct ConditionObject : TrackedObject {
    ConditionObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    Value lock;  // the LockObject it uses (its own when none was given)
    Bound<Condition> condition;
    void clear_references() override { lock = Value(); }
};

Condition& condition_of(Runtime& rt, const Value& self) {
    auto* object = self.as<ConditionObject>();
    Lock& lock = lock_of(rt, object->lock);
    std::shared_ptr<Lock> keep = object->lock.as<LockObject>()->lock.shared();
    return object->condition.get(rt, self, [&lock, keep](Scheduler& s) {
        // The condition's lock must outlive it: the deleter keeps the lock's owner.
        Condition* condition = new Condition(s, lock);
        return std::shared_ptr<Condition>(condition, [keep](Condition* c) { delete c; });
    });
}

Value condition_wait(Runtime& rt, std::shared_ptr<Condition> condition) {
    Coro<bool> waiting = condition->wait();
    return make_frame_operation(rt, std::move(condition), ErasedFrame(std::move(waiting)),
                                result_is_value, Value::boolean(true), "Condition.wait");
}

Coro<Value> condition_wait_for(Runtime& rt, std::shared_ptr<Condition> condition, Value predicate) {
    Value result = call(rt, predicate, {});
    while (!truthy(rt, result)) {
        Coro<bool> waiting = condition->wait();
        co_await waiting;
        result = call(rt, predicate, {});
    }
    co_return result;
}

void release_condition(Runtime& rt, const Value& self) {
    Condition& condition = condition_of(rt, self);
    with_python_errors(rt, [&] { condition.release(); });
}

Value condition_acquire(Runtime& rt, const Value& self, Value result, const char* name) {
    std::shared_ptr<Condition> condition = self.as<ConditionObject>()->condition.shared();
    Coro<bool> acquiring = condition->acquire();
    return make_frame_operation(rt, std::move(condition), ErasedFrame(std::move(acquiring)),
                                result_is_value, std::move(result), name);
}

void install_condition(Runtime& rt, ModuleObject& module) {
    AsyncioState& state = asyncio_state(rt);
    TypeBuilder builder(rt, "Condition", "asyncio.locks");
    builder
        .method("acquire",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "acquire", "Lock.acquire");
                    }
                    condition_of(r, a[0]);
                    return condition_acquire(r, a[0], Value::boolean(true), "Lock.acquire");
                })
        .method("release",
                [](Runtime& r, const CallArgs& a) {
                    release_condition(r, a[0]);
                    return Value();
                })
        .method("locked",
                [](Runtime& r, const CallArgs& a) {
                    return Value::boolean(condition_of(r, a[0]).locked());
                })
        .method("wait",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "wait", "Condition.wait");
                    }
                    condition_of(r, a[0]);
                    return condition_wait(r, a[0].as<ConditionObject>()->condition.shared());
                })
        .method("wait_for",
                [](Runtime& r, const CallArgs& a) {
                    expect_exactly(r, a, "wait_for", 2);
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "wait_for", "Condition.wait_for");
                    }
                    condition_of(r, a[0]);
                    return make_operation(
                        r,
                        condition_wait_for(r, a[0].as<ConditionObject>()->condition.shared(), a[1]),
                        "Condition.wait_for");
                })
        .method("notify",
                [](Runtime& r, const CallArgs& a) {
                    const std::int64_t n = a.size() > 1 ? to_index(r, a[1]) : 1;
                    Condition& condition = condition_of(r, a[0]);
                    with_python_errors(r, [&] {
                        condition.notify(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
                    });
                    return Value();
                })
        .method("notify_all",
                [](Runtime& r, const CallArgs& a) {
                    Condition& condition = condition_of(r, a[0]);
                    with_python_errors(r, [&] { condition.notify_all(); });
                    return Value();
                })
        .method("__aenter__",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "__aenter__", kAenterName);
                    }
                    condition_of(r, a[0]);
                    return condition_acquire(r, a[0], Value(), kAenterName);
                })
        .method("__aexit__", [](Runtime& r, const CallArgs& a) {
            return make_ready_after(r, a[0], release_condition, kAexitName);
        });
    builder.slots().repr = [](Runtime& r, const Value& self) {
        auto* object = self.as<ConditionObject>();
        std::string extra = "unlocked";
        if (object->condition.bound(r)) {
            const Condition& condition = *object->condition.shared();
            extra = condition.locked() ? "locked" : "unlocked";
            if (condition.waiter_count() != 0) {
                extra += ", waiters:" + std::to_string(condition.waiter_count());
            }
        }
        return object_repr_prefix(self, "asyncio.locks.Condition") + " [" + extra + "]>";
    };
    builder.slots().construct = [](Runtime& r, TypeObject& type, const CallArgs& a) -> Value {
        static const Signature signature{"Condition", {"lock"}, 0};
        auto parsed = parse_arguments(r, a, signature);
        auto object = Ref<ConditionObject>::make(r, &type);
        if (parsed[0] && !parsed[0]->is_none()) {
            if (!is_instance(r, *parsed[0], *asyncio_state(r).types.Lock)) {
                raise_error(r, r.types().TypeError, "Condition() lock must be an asyncio.Lock");
            }
            object->lock = *parsed[0];
        } else {
            object->lock = Value(Ref<LockObject>::make(r, asyncio_state(r).types.Lock.get()));
        }
        return Value(object);
    };
    state.types.Condition = builder.build();
    module.dict.set("Condition", Value(state.types.Condition));
}

}  // namespace

void install_locks(Runtime& rt, ModuleObject& module) {
    install_lock(rt, module);
    install_event(rt, module);
    install_semaphore(rt, module, false);
    install_semaphore(rt, module, true);
    install_condition(rt, module);
}

}  // namespace loopscope::script
