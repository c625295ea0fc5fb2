// asyncio.Queue, LifoQueue, PriorityQueue over core/sync's Queue.
#include <cstdio>
#include <deque>

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
    std::vector<Value> items() const override { return queue_.storage().listed(); }

private:
    Queue<QueueItem, Storage> queue_;
};

struct QueueObject : TrackedObject {
    QueueObject(Runtime& rt, TypeObject* cls) : TrackedObject(rt, cls) {}
    Bound<QueueBox> queue;
    std::int64_t maxsize = 0;
    QueueKind kind = QueueKind::Fifo;
    void clear_references() override {}
};

QueueBox& queue_of(Runtime& rt, const Value& self) {
    auto* object = self.as<QueueObject>();
    const std::int64_t maxsize = object->maxsize;
    const QueueKind kind = object->kind;
    return object->queue.get(rt, self, [maxsize, kind](Scheduler& s) -> std::shared_ptr<QueueBox> {
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
}

Value queue_put(Runtime& rt, std::shared_ptr<QueueBox> queue, QueueItem item) {
    ErasedFrame putting(queue->put(std::move(item)));
    return make_frame_operation(rt, std::move(queue), std::move(putting), result_is_value, Value(),
                                "Queue.put");
}

Value queue_get(Runtime& rt, std::shared_ptr<QueueBox> queue) {
    ErasedFrame getting(queue->get());
    return make_frame_operation(
        rt, std::move(queue), std::move(getting),
        [](ErasedFrame& finished, const Value&) { return finished.result<QueueItem>().value; },
        Value(), "Queue.get");
}

Value queue_join(Runtime& rt, std::shared_ptr<QueueBox> queue) {
    ErasedFrame joining(queue->core().join());
    return make_frame_operation(rt, std::move(queue), std::move(joining), result_is_value, Value(),
                                "Queue.join");
}

// `<Queue maxsize=0 _queue=[1, 2] tasks=2>`: CPython's _format.
std::string queue_format(Runtime& rt, QueueObject& object) {
    std::string text = "maxsize=" + std::to_string(object.maxsize);
    if (object.queue.bound(rt)) {
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
                    auto* object = a[0].as<QueueObject>();
                    return Value::integer(
                        object->queue.bound(r)
                            ? static_cast<std::int64_t>(object->queue.shared()->qsize())
                            : 0);
                })
        .method("empty",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<QueueObject>();
                    return Value::boolean(!object->queue.bound(r) ||
                                          object->queue.shared()->qsize() == 0);
                })
        .method("full",
                [](Runtime& r, const CallArgs& a) {
                    auto* object = a[0].as<QueueObject>();
                    return Value::boolean(object->queue.bound(r) && object->queue.shared()->full());
                })
        .method(
            "put",
            [](Runtime& r, const CallArgs& a) {
                expect_exactly(r, a, "put", 2);
                if (no_running_loop(r)) {
                    return defer_method(r, a, "put", "Queue.put");
                }
                queue_of(r, a[0]);
                return queue_put(r, a[0].as<QueueObject>()->queue.shared(), QueueItem{a[1], &r});
            })
        .method("put_nowait",
                [](Runtime& r, const CallArgs& a) {
                    expect_exactly(r, a, "put_nowait", 2);
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
                    return queue_get(r, a[0].as<QueueObject>()->queue.shared());
                })
        .method("get_nowait",
                [](Runtime& r, const CallArgs& a) {
                    QueueBox& queue = queue_of(r, a[0]);
                    return with_python_errors(r, [&] { return queue.get_nowait().value; });
                })
        .method("task_done",
                [](Runtime& r, const CallArgs& a) {
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
