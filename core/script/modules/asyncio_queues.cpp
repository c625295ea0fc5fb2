// asyncio.Queue, LifoQueue, PriorityQueue over core/sync's Queue.
#include <cstdio>
#include <deque>
#include <variant>

#include "script/modules/asyncio_awaitables.h"
#include "script/modules/asyncio_parts.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/exception_bridge.h"
#include "script/modules/primitive_binding.h"
#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "sync/python_heap.h"
#include "sync/queue.h"

namespace loopscope::script {

namespace {

// A queue item. PriorityQueue orders items with Python's `<` (heapq uses only `<`), which needs
// the runtime; a TypeError from comparing leaves through the heap operation as in CPython.
struct QueueItem {
    Value value;
    Runtime* rt = nullptr;
    friend bool operator<(const QueueItem& a, const QueueItem& b) {
        return compare_bool(*a.rt, a.value, b.value, CompareOp::Lt);
    }
};

enum class QueueKind : std::uint8_t { Fifo, Lifo, Priority };

// The storages of the three queue kinds (core/sync's Queue takes the storage as a parameter),
// written here so that the items can be listed: str(queue) shows them as CPython's _format
// does.
template <class Items>
std::vector<Value> values_of(const Items& items) {
    std::vector<Value> values;
    values.reserve(items.size());
    for (const QueueItem& item : items) {
        values.push_back(item.value);
    }
    return values;
}

class FifoItems {
public:
    void push(QueueItem item) { items_.push_back(std::move(item)); }
    QueueItem pop() {
        QueueItem item = std::move(items_.front());
        items_.pop_front();
        return item;
    }
    std::size_t size() const { return items_.size(); }
    std::vector<Value> listed() const { return values_of(items_); }

private:
    std::deque<QueueItem> items_;
};

class LifoItems {
public:
    void push(QueueItem item) { items_.push_back(std::move(item)); }
    QueueItem pop() {
        QueueItem item = std::move(items_.back());
        items_.pop_back();
        return item;
    }
    std::size_t size() const { return items_.size(); }
    std::vector<Value> listed() const { return values_of(items_); }

private:
    std::vector<QueueItem> items_;
};

// heapq's list, in heap order, as PriorityQueue keeps it.
class HeapItems {
public:
    void push(QueueItem item) { python_heap_push(items_, std::move(item), less_); }
    QueueItem pop() { return python_heap_pop(items_, less_); }
    std::size_t size() const { return items_.size(); }
    std::vector<Value> listed() const { return values_of(items_); }

private:
    std::vector<QueueItem> items_;
    std::less<QueueItem> less_;
};

// What a queue holds while no loop runs: before the first asyncio.run that uses it (items put at
// module level) and between two runs. CPython's Queue keeps its items whatever the loop; ours
// lives in its loop's scheduler (core/sync), so the items wait here in the same storage, and the
// next loop's queue starts with them.
class DetachedItems {
public:
    void set_kind(QueueKind kind) {
        if (kind == QueueKind::Lifo) {
            items_ = LifoItems();
        } else if (kind == QueueKind::Priority) {
            items_ = HeapItems();
        }
    }
    void push(QueueItem item) {
        std::visit([&](auto& items) { items.push(std::move(item)); }, items_);
    }
    QueueItem pop() {
        return std::visit([](auto& items) { return items.pop(); }, items_);
    }
    std::size_t size() const {
        return std::visit([](const auto& items) { return items.size(); }, items_);
    }
    // In storage order: pushed again in this order, each kind's storage comes out the same
    // (a heap's array pushed in array order stays as it is).
    std::vector<Value> listed() const {
        return std::visit([](const auto& items) { return items.listed(); }, items_);
    }
    void clear() {
        std::visit([](auto& items) { items = {}; }, items_);
    }

    std::int64_t unfinished = 0;  // put and not yet marked done, as _unfinished_tasks

private:
    std::variant<FifoItems, LifoItems, HeapItems> items_;
};

// The three C++ queue types behind one interface.
class QueueBox {
public:
    virtual ~QueueBox() = default;
    virtual QueueCore& core() = 0;
    virtual std::size_t qsize() const = 0;
    virtual bool full() const = 0;
    virtual Coro<void> put(QueueItem item) = 0;
    virtual void put_nowait(QueueItem item) = 0;
    virtual Coro<QueueItem> get() = 0;
    virtual QueueItem get_nowait() = 0;
    virtual std::optional<Future<void>> begin_get() = 0;
    virtual void abandon_get(FutureCore& getter) = 0;
    virtual std::vector<Value> items() const = 0;
};

template <class Storage>
class QueueBoxOf final : public QueueBox {
public:
    QueueBoxOf(Scheduler& scheduler, std::int64_t maxsize) : queue_(scheduler, maxsize) {}
    QueueCore& core() override { return queue_; }
    std::size_t qsize() const override { return queue_.qsize(); }
    bool full() const override { return queue_.full(); }
    Coro<void> put(QueueItem item) override { return queue_.put(std::move(item)); }
    void put_nowait(QueueItem item) override { queue_.put_nowait(std::move(item)); }
    Coro<QueueItem> get() override { return queue_.get(); }
    QueueItem get_nowait() override { return queue_.get_nowait(); }
    std::optional<Future<void>> begin_get() override { return queue_.begin_get(); }
    void abandon_get(FutureCore& getter) override { queue_.abandon_get(getter); }
    std::vector<Value> items() const override { return queue_.storage().listed(); }

private:
    Queue<QueueItem, Storage> queue_;
};

struct QueueObject : TrackedObject {
    QueueObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    Bound<QueueBox> queue;
    DetachedItems detached;  // while no loop runs
    std::int64_t maxsize = 0;
    QueueKind kind = QueueKind::Fifo;
    void clear_references() override { detached.clear(); }
};

// No loop runs: what an earlier run's queue held moves to the detached items (its loop is gone;
// the C++ queue is only read, never asked to record).
DetachedItems& detached_of(Runtime& rt, QueueObject& object) {
    if (object.queue.shared() && !object.queue.bound(rt)) {
        QueueBox& stale = *object.queue.shared();
        for (Value& value : stale.items()) {
            object.detached.push(QueueItem{std::move(value), &rt});
        }
        object.detached.unfinished += stale.core().unfinished_tasks();
        object.queue.forget();
    }
    return object.detached;
}

QueueBox& queue_of(Runtime& rt, const Value& self) {
    auto* object = self.as<QueueObject>();
    if (object->queue.bound(rt)) {
        return *object->queue.shared();
    }
    // First use in this loop: the queue starts with what waited while no loop ran.
    DetachedItems waiting = std::move(detached_of(rt, *object));
    object->detached = DetachedItems();
    object->detached.set_kind(object->kind);
    const std::int64_t maxsize = object->maxsize;
    const QueueKind kind = object->kind;
    QueueBox& queue =
        object->queue.get(rt, self, [maxsize, kind](Scheduler& s) -> std::shared_ptr<QueueBox> {
            switch (kind) {
                case QueueKind::Lifo:
                    return std::make_shared<QueueBoxOf<LifoItems>>(s, maxsize);
                case QueueKind::Priority:
                    return std::make_shared<QueueBoxOf<HeapItems>>(s, maxsize);
                case QueueKind::Fifo:
                    break;
            }
            return std::make_shared<QueueBoxOf<FifoItems>>(s, maxsize);
        });
    const std::vector<Value> carried = waiting.listed();
    for (const Value& value : carried) {
        queue.put_nowait(QueueItem{value, &rt});
    }
    // Items taken before but not marked done still hold join() back.
    queue.core().carry_unfinished(waiting.unfinished - static_cast<std::int64_t>(carried.size()));
    return queue;
}

// Items in the queue, whether a loop runs or not.
std::size_t queue_size(Runtime& rt, const Value& self) {
    auto* object = self.as<QueueObject>();
    return object->queue.bound(rt) ? object->queue.shared()->qsize()
                                   : detached_of(rt, *object).size();
}

// put_nowait / get_nowait / task_done while no loop runs: CPython's own rules, on the items that
// wait for the next loop.
void put_detached(Runtime& rt, const Value& self, const Value& value) {
    auto* object = self.as<QueueObject>();
    DetachedItems& waiting = detached_of(rt, *object);
    with_python_errors(rt, [&] {
        if (object->maxsize > 0 && static_cast<std::int64_t>(waiting.size()) >= object->maxsize) {
            throw QueueFull();
        }
        waiting.push(QueueItem{value, &rt});
        ++waiting.unfinished;
    });
}

Value get_detached(Runtime& rt, const Value& self) {
    DetachedItems& waiting = detached_of(rt, *self.as<QueueObject>());
    return with_python_errors(rt, [&] {
        if (waiting.size() == 0) {
            throw QueueEmpty();
        }
        return waiting.pop().value;
    });
}

void task_done_detached(Runtime& rt, const Value& self) {
    DetachedItems& waiting = detached_of(rt, *self.as<QueueObject>());
    with_python_errors(rt, [&] {
        if (waiting.unfinished <= 0) {
            throw ValueError("task_done() called too many times");
        }
        --waiting.unfinished;
    });
}

Coro<Value> put_then_none(std::shared_ptr<QueueBox> queue, QueueItem item) {
    co_await queue->put(std::move(item));
    co_return Value();
}

Coro<Value> get_value(std::shared_ptr<QueueBox> queue) {
    QueueItem item = co_await queue->get();
    co_return std::move(item.value);
}

// `queue.put(item)` and `queue.get()`. CPython's coroutines put or take at once when the queue
// has room (an item), and wait only when it is full (empty); so do these. A task's host takes
// an at-once call as a value ready at once (DirectWait::Kind::Ready), with the same trace. A
// put that waits is put()'s C++ coroutine, made then (DirectWait::Kind::Frame); a get that
// waits is awaited by the host on its getter future itself (DirectWait::Kind::Future, the
// steps of Queue::get()), so a task waiting for an item costs no coroutine frame.
struct QueueCallObject final : OperationObject {
    enum class Call : std::uint8_t { Put, Get };

    QueueCallObject(Runtime& rt, TypeObject* cls, Call call_, std::shared_ptr<QueueBox> queue_,
                    Value item_)
        : OperationObject(rt, cls, DirectWait{waiting_kind(call_), 0}, Value(),
                          call_ == Call::Put ? "Queue.put" : "Queue.get"),
          call(call_),
          queue(std::move(queue_)),
          item(std::move(item_)) {}

    DirectWait start_direct(Runtime& rt) override {
        const DirectWait taken = take_direct();
        if (taken.kind == DirectWait::Kind::None) {
            return taken;  // awaited before: start() says so
        }
        if (call == Call::Put && !queue->full()) {
            queue->put_nowait(QueueItem{std::move(item), &rt});
            return DirectWait{DirectWait::Kind::Ready, 0};
        }
        if (call == Call::Get && queue->qsize() != 0) {
            value = queue->get_nowait().value;
            return DirectWait{DirectWait::Kind::Ready, 0};
        }
        return taken;
    }
    bool finishes_at_once() const override {
        return direct_kind() == waiting_kind(call) &&
               (call == Call::Put ? !queue->full() : queue->qsize() != 0);
    }
    // Put: the coroutine of a put that waits.
    ErasedFrame start_frame() override {
        return ErasedFrame(queue->put(QueueItem{std::move(item), runtime}));
    }
    Value frame_result(ErasedFrame&) override { return Value(); }
    // Get: the getter of a get that waits; null with the item in `value` once one is there.
    FutureRef<FutureCore> start_waiter() override { return next_getter(); }
    FutureRef<FutureCore> waiter_again(FutureCore&) override { return next_getter(); }
    Value waiter_result(FutureCore&) override { return std::move(value); }
    void waiter_failed(FutureCore& getter, bool) override { queue->abandon_get(getter); }
    // Awaited by other than a task's host (create_task(queue.get()), wait_for(queue.put(x), 1)).
    Coro<Value> start(Runtime& rt, const Value& self) override {
        if (direct_kind() != waiting_kind(call)) {
            return OperationObject::start(rt, self);  // "cannot reuse already awaited coroutine"
        }
        take_direct();
        if (call == Call::Put) {
            return put_then_none(queue, QueueItem{std::move(item), &rt});
        }
        return get_value(queue);
    }
    void clear_references() override {
        OperationObject::clear_references();
        item = Value();
    }

    const Call call;
    const std::shared_ptr<QueueBox> queue;
    Value item;  // put's, until it is put

private:
    static DirectWait::Kind waiting_kind(Call call) {
        return call == Call::Put ? DirectWait::Kind::Frame : DirectWait::Kind::Future;
    }
    FutureRef<FutureCore> next_getter() {
        if (std::optional<Future<void>> getter = queue->begin_get()) {
            return getter->core();
        }
        value = queue->get_nowait().value;
        return nullptr;
    }
};

Value queue_call(Runtime& rt, QueueCallObject::Call call, std::shared_ptr<QueueBox> queue,
                 Value item) {
    return Value(Ref<QueueCallObject>::make(rt, asyncio_state(rt).types.Operation.get(), call,
                                            std::move(queue), std::move(item)));
}

Value queue_join(Runtime& rt, std::shared_ptr<QueueBox> queue) {
    ErasedFrame joining(queue->core().join());
    return make_frame_operation(rt, std::move(queue), std::move(joining), result_is_value, Value(),
                                "Queue.join");
}

// `<Queue maxsize=0 _queue=[1, 2] tasks=2>`: CPython's _format.
std::string queue_format(Runtime& rt, QueueObject& object) {
    std::string text = "maxsize=" + std::to_string(object.maxsize);
    if (no_running_loop(rt)) {
        const DetachedItems& waiting = detached_of(rt, object);
        if (waiting.size() != 0) {
            text += " _queue=" + repr(rt, make_list(rt, waiting.listed()));
        }
        if (waiting.unfinished != 0) {
            text += " tasks=" + std::to_string(waiting.unfinished);
        }
    } else if (object.queue.bound(rt)) {
        QueueBox& queue = *object.queue.shared();
        if (queue.qsize() != 0) {
            text += " _queue=" + repr(rt, make_list(rt, queue.items()));
        }
        if (queue.core().getter_count() != 0) {
            text += " _getters[" + std::to_string(queue.core().getter_count()) + "]";
        }
        if (queue.core().putter_count() != 0) {
            text += " _putters[" + std::to_string(queue.core().putter_count()) + "]";
        }
        if (queue.core().unfinished_tasks() != 0) {
            text += " tasks=" + std::to_string(queue.core().unfinished_tasks());
        }
    }
    return text;
}

void install_queue_type(Runtime& rt, ModuleObject& module, const char* name, QueueKind kind,
                        Ref<TypeObject>& slot) {
    AsyncioState& state = asyncio_state(rt);
    TypeBuilder builder(rt, name, "asyncio.queues");
    if (kind != QueueKind::Fifo) {
        builder.base(*state.types.Queue);
    }
    builder
        .method("qsize",
                [](Runtime& r, const CallArgs& a) {
                    return Value::integer(static_cast<std::int64_t>(queue_size(r, a[0])));
                })
        .method("empty", [](Runtime& r,
                            const CallArgs& a) { return Value::boolean(queue_size(r, a[0]) == 0); })
        .method("full",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<QueueObject>();
                    return Value::boolean(object->maxsize > 0 &&
                                          static_cast<std::int64_t>(queue_size(r, a[0])) >=
                                              object->maxsize);
                })
        .method("put",
                [](Runtime& r, const CallArgs& a) {
                    expect_exactly(r, a, "put", 2);
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "put", "Queue.put");
                    }
                    queue_of(r, a[0]);
                    return queue_call(r, QueueCallObject::Call::Put,
                                      a[0].as<QueueObject>()->queue.shared(), a[1]);
                })
        .method("put_nowait",
                [](Runtime& r, const CallArgs& a) {
                    expect_exactly(r, a, "put_nowait", 2);
                    if (no_running_loop(r)) {
                        put_detached(r, a[0], a[1]);
                        return Value();
                    }
                    QueueBox& queue = queue_of(r, a[0]);
                    with_python_errors(r, [&] { queue.put_nowait(QueueItem{a[1], &r}); });
                    return Value();
                })
        .method("get",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "get", "Queue.get");
                    }
                    queue_of(r, a[0]);
                    return queue_call(r, QueueCallObject::Call::Get,
                                      a[0].as<QueueObject>()->queue.shared(), Value());
                })
        .method("get_nowait",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return get_detached(r, a[0]);
                    }
                    QueueBox& queue = queue_of(r, a[0]);
                    return with_python_errors(r, [&] { return queue.get_nowait().value; });
                })
        .method("task_done",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        task_done_detached(r, a[0]);
                        return Value();
                    }
                    QueueBox& queue = queue_of(r, a[0]);
                    with_python_errors(r, [&] { queue.core().task_done(); });
                    return Value();
                })
        .method("join",
                [](Runtime& r, const CallArgs& a) {
                    if (no_running_loop(r)) {
                        return defer_method(r, a, "join", "Queue.join");
                    }
                    queue_of(r, a[0]);
                    return queue_join(r, a[0].as<QueueObject>()->queue.shared());
                })
        .property("maxsize", [](Runtime&, const Value& self) {
            return Value::integer(self.as<QueueObject>()->maxsize);
        });
    builder.slots().repr = [](Runtime& r, const Value& self) {
        auto* object = self.as<QueueObject>();
        char address[32];
        std::snprintf(
            address, sizeof address, "%#llx",
            static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(self.as_object())));
        return "<" + self.as_object()->type->name + " at " + address + " " +
               queue_format(r, *object) + ">";
    };
    builder.slots().str = [](Runtime& r, const Value& self) {
        return "<" + self.as_object()->type->name + " " + queue_format(r, *self.as<QueueObject>()) +
               ">";
    };
    builder.slots().construct = [](Runtime& r, TypeObject& type, const CallArgs& a) -> Value {
        static const Signature signature{"Queue", {"maxsize"}, 0};
        auto parsed = parse_arguments(r, a, signature);
        auto object = Ref<QueueObject>::make(r, &type);
        object->maxsize = parsed[0] ? to_index(r, *parsed[0]) : 0;
        const AsyncioState& s = asyncio_state(r);
        if (type.is_subtype_of(*s.types.PriorityQueue)) {
            object->kind = QueueKind::Priority;
        } else if (type.is_subtype_of(*s.types.LifoQueue)) {
            object->kind = QueueKind::Lifo;
        }
        object->detached.set_kind(object->kind);
        return Value(object);
    };
    slot = builder.build();
    module.dict.set(name, Value(slot));
}

}  // namespace

void install_queues(Runtime& rt, ModuleObject& module) {
    AsyncioState& state = asyncio_state(rt);
    install_queue_type(rt, module, "Queue", QueueKind::Fifo, state.types.Queue);
    install_queue_type(rt, module, "LifoQueue", QueueKind::Lifo, state.types.LifoQueue);
    install_queue_type(rt, module, "PriorityQueue", QueueKind::Priority, state.types.PriorityQueue);
}

}  // namespace loopscope::script
