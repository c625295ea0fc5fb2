// What each primitive records, and when: its events rendered as `kind:task#waiter@iteration`
// tokens and compared with the line cpython/primitive_traces.py printed for the same scenario
// (CPython's primitives, instrumented to log at the points where ours record). #n numbers the
// primitive's waiter futures in the order they were added, so a token shows which waiter is
// added, woken and removed. Each test also checks PrimitiveCreated and that the waiting task's
// TaskWaiting edge points at the primitive rather than at a bare future.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sync/condition.h"
#include "sync/event.h"
#include "sync/lock.h"
#include "sync/queue.h"
#include "sync/semaphore.h"
#include "sync_fixture.h"

namespace loopscope {
namespace {

using trace::EventKind;
using Edge = std::pair<std::int64_t, std::uint32_t>;  // (AwaitKind, object)

constexpr std::int64_t kind_value(AwaitKind kind) {
    return static_cast<std::int64_t>(kind);
}

struct PrimitiveTraceTest : SyncTest {
    std::map<std::uint32_t, std::string> task_names{{0, "none"}};

    void name_current_task(const std::string& name) {
        task_names[scheduler.current_task()->id()] = name;
    }

    // The primitive's events after PrimitiveCreated, in primitive_traces.py's notation.
    std::string rendered(std::uint32_t primitive) {
        std::map<std::int64_t, int> waiter_numbers;
        auto waiter = [&](const trace::Event& event) {
            const auto [it, added] = waiter_numbers.try_emplace(
                event.value, static_cast<int>(waiter_numbers.size()) + 1);
            return task_names.at(event.object) + "#" + std::to_string(it->second);
        };
        std::string out;
        for (const trace::Event& event : loop.recorder().events()) {
            if (event.subject != primitive) {
                continue;
            }
            std::string token;
            switch (event.kind) {
                case EventKind::PrimitiveValue:
                    token = "value=" + std::to_string(event.value);
                    break;
                case EventKind::WaiterAdded:
                    token = "added:" + waiter(event);
                    break;
                case EventKind::WaiterRemoved:
                    token = "removed:" + waiter(event);
                    break;
                case EventKind::WaiterWoken:
                    token = "woken:" + waiter(event);
                    break;
                case EventKind::LockAcquired:
                    token = "acquired:" + task_names.at(event.object);
                    break;
                case EventKind::LockReleased:
                    token = "released:" + task_names.at(event.object);
                    break;
                case EventKind::QueuePut:
                    token =
                        "put:" + task_names.at(event.object) + "=" + std::to_string(event.value);
                    break;
                case EventKind::QueueGot:
                    token =
                        "got:" + task_names.at(event.object) + "=" + std::to_string(event.value);
                    break;
                default:
                    continue;  // PrimitiveCreated, and other layers' events on the same id space
            }
            append_word(out, token + "@" + std::to_string(event.iteration));
        }
        return out;
    }

    // PrimitiveCreated's (object, value).
    std::pair<std::uint32_t, std::int64_t> creation_of(std::uint32_t primitive) {
        for (const trace::Event& event : loop.recorder().events()) {
            if (event.kind == EventKind::PrimitiveCreated && event.subject == primitive) {
                return {event.object, event.value};
            }
        }
        return {0, -1};
    }

    // What the task named `name` was said to wait on, each time it waited.
    std::vector<Edge> waits_of(const std::string& name) {
        std::vector<Edge> found;
        for (const trace::Event& event : loop.recorder().events()) {
            if (event.kind == EventKind::TaskWaiting && task_names[event.subject] == name) {
                found.emplace_back(event.value, event.object);
            }
        }
        return found;
    }
};

// cpython/primitive_traces.py, lock_hand_off
TEST_F(PrimitiveTraceTest, LockRecordsTheHandOff) {
    Lock lock(scheduler);
    auto worker = [&]() -> Coro<void> {
        name_current_task("worker");
        co_await lock.acquire();
        lock.release();
    };
    auto main = [&]() -> Coro<void> {
        name_current_task("main");
        co_await lock.acquire();
        Task<void> task = create_task(scheduler, worker());
        co_await sleep(0);
        lock.release();
        co_await task;
    };
    run(scheduler, main());
    EXPECT_EQ(rendered(lock.id()),
              "value=1@1 acquired:main@1 added:worker#1@2 released:main@2 value=0@2 "
              "woken:worker#1@2 removed:worker#1@3 value=1@3 acquired:worker@3 "
              "released:worker@3 value=0@3");
    EXPECT_EQ(creation_of(lock.id()), std::make_pair(0u, kind_value(AwaitKind::Lock)));
    EXPECT_EQ(waits_of("worker"), (std::vector<Edge>{{kind_value(AwaitKind::Lock), lock.id()}}));
}

// cpython/primitive_traces.py, lock_released_by_a_callback
TEST_F(PrimitiveTraceTest, AReleaseFromAPlainCallbackNamesNoTask) {
    Lock lock(scheduler);
    auto main = [&]() -> Coro<void> {
        name_current_task("main");
        co_await lock.acquire();
        loop.call_soon([&] { lock.release(); });
        co_await sleep(0);
    };
    run(scheduler, main());
    EXPECT_EQ(rendered(lock.id()), "value=1@1 acquired:main@1 released:none@2 value=0@2");
}

// cpython/primitive_traces.py, event_set_and_cleared
TEST_F(PrimitiveTraceTest, EventRecordsItsWaitersAndItsFlag) {
    Event event(scheduler);
    auto waiter = [&]() -> Coro<void> {
        name_current_task("waiter");
        co_await event.wait();
    };
    auto main = [&]() -> Coro<void> {
        name_current_task("main");
        Task<void> task = create_task(scheduler, waiter());
        co_await sleep(0);
        event.set();
        event.set();  // already set: nothing changes
        co_await task;
        event.clear();
    };
    run(scheduler, main());
    EXPECT_EQ(rendered(event.id()),
              "added:waiter#1@2 value=1@2 woken:waiter#1@2 removed:waiter#1@3 value=0@4");
    EXPECT_EQ(creation_of(event.id()), std::make_pair(0u, kind_value(AwaitKind::Event)));
    EXPECT_EQ(waits_of("waiter"), (std::vector<Edge>{{kind_value(AwaitKind::Event), event.id()}}));
}

// cpython/primitive_traces.py, condition_then_lock
TEST_F(PrimitiveTraceTest, AConditionWaiterWaitsOnTheConditionThenOnItsLock) {
    Condition condition(scheduler);
    const std::uint32_t lock_id = condition.lock().id();
    auto waiter = [&]() -> Coro<void> {
        name_current_task("waiter");
        co_await condition.acquire();
        co_await condition.wait();
        condition.release();
    };
    auto main = [&]() -> Coro<void> {
        name_current_task("main");
        Task<void> task = create_task(scheduler, waiter());
        co_await sleep(0);
        co_await condition.acquire();
        condition.notify();
        co_await sleep(0);  // hold the lock while the notified waiter wakes
        condition.release();
        co_await task;
    };
    run(scheduler, main());
    EXPECT_EQ(rendered(condition.id()), "added:waiter#1@2 woken:waiter#1@2 removed:waiter#1@3");
    EXPECT_EQ(rendered(lock_id),
              "value=1@2 acquired:waiter@2 released:waiter@2 value=0@2 value=1@2 acquired:main@2 "
              "added:waiter#1@3 released:main@3 value=0@3 woken:waiter#1@3 removed:waiter#1@4 "
              "value=1@4 acquired:waiter@4 released:waiter@4 value=0@4");
    EXPECT_EQ(creation_of(condition.id()),
              std::make_pair(lock_id, kind_value(AwaitKind::Condition)));
    EXPECT_EQ(waits_of("waiter"),
              (std::vector<Edge>{{kind_value(AwaitKind::Condition), condition.id()},
                                 {kind_value(AwaitKind::Lock), lock_id}}));
}

// cpython/primitive_traces.py, semaphore_hand_off
TEST_F(PrimitiveTraceTest, SemaphoreRecordsEveryValueChange) {
    Semaphore semaphore(scheduler, 1);
    auto worker = [&]() -> Coro<void> {
        name_current_task("worker");
        co_await semaphore.acquire();
    };
    auto main = [&]() -> Coro<void> {
        name_current_task("main");
        co_await semaphore.acquire();
        Task<void> task = create_task(scheduler, worker());
        co_await sleep(0);
        semaphore.release();
        co_await task;
    };
    run(scheduler, main());
    // release() shows value=1 then value=0: the unit is reserved for the woken worker.
    EXPECT_EQ(rendered(semaphore.id()),
              "value=0@1 acquired:main@1 added:worker#1@2 released:main@2 value=1@2 value=0@2 "
              "woken:worker#1@2 removed:worker#1@3 acquired:worker@3");
    EXPECT_EQ(creation_of(semaphore.id()), std::make_pair(1u, kind_value(AwaitKind::Semaphore)));
    EXPECT_EQ(waits_of("worker"),
              (std::vector<Edge>{{kind_value(AwaitKind::Semaphore), semaphore.id()}}));
}

// cpython/primitive_traces.py, queue_get_and_join
TEST_F(PrimitiveTraceTest, QueueRecordsPutsGetsGettersAndJoiners) {
    Queue<int> queue(scheduler, 1);
    auto getter = [&]() -> Coro<void> {
        name_current_task("getter");
        co_await queue.get();
        queue.task_done();
    };
    auto main = [&]() -> Coro<void> {
        name_current_task("main");
        Task<void> task = create_task(scheduler, getter());
        co_await sleep(0);
        queue.put_nowait(7);
        co_await queue.join();
        co_await task;
    };
    run(scheduler, main());
    // put_nowait() pops the getter's future from the deque as it wakes it.
    EXPECT_EQ(rendered(queue.id()),
              "added:getter#1@2 put:main=1@2 value=1@2 removed:getter#1@2 woken:getter#1@2 "
              "added:main#2@2 got:getter=0@3 value=0@3 woken:main#2@3 removed:main#2@4");
    EXPECT_EQ(creation_of(queue.id()), std::make_pair(1u, kind_value(AwaitKind::Queue)));
    EXPECT_EQ(waits_of("getter"), (std::vector<Edge>{{kind_value(AwaitKind::Queue), queue.id()}}));
    // The getter is done by the time join() returns: `co_await task` does not wait.
    EXPECT_EQ(waits_of("main"), (std::vector<Edge>{{kind_value(AwaitKind::Queue), queue.id()}}));
}

TEST_F(PrimitiveTraceTest, QueueWaitersCarryTheirRoleAndTaskDoneItsProgress) {
    Queue<int> queue(scheduler, 1);
    std::map<std::uint32_t, std::string> role_of_task;
    auto getter = [&]() -> Coro<void> {
        (void)co_await queue.get();
        queue.task_done();
    };
    auto joiner = [&]() -> Coro<void> { co_await queue.join(); };
    auto main = [&]() -> Coro<void> {
        Task<void> g = create_task(scheduler, getter());
        role_of_task[g.id()] = "getter";
        role_of_task[scheduler.current_task()->id()] = "putter";
        co_await sleep(0);  // the getter waits on the empty queue
        queue.put_nowait(1);
        co_await queue.put(2);  // full until the getter takes 1: main waits as a putter
        Task<void> j = create_task(scheduler, joiner());
        role_of_task[j.id()] = "joiner";
        co_await sleep(0);  // the joiner waits for item 2
        (void)queue.get_nowait();
        queue.task_done();
        co_await g;
        co_await j;
    };
    run(scheduler, main());
    const std::map<trace::WaiterRole, std::string> role_names{
        {trace::WaiterRole::Getter, "getter"},
        {trace::WaiterRole::Putter, "putter"},
        {trace::WaiterRole::Joiner, "joiner"}};
    std::vector<std::string> added;
    std::string unfinished;
    for (const trace::Event& event : loop.recorder().events()) {
        if (event.subject != queue.id()) {
            continue;
        }
        if (event.kind == EventKind::WaiterAdded) {
            const std::string role = role_names.at(static_cast<trace::WaiterRole>(event.flags));
            EXPECT_EQ(role, role_of_task.at(event.object));
            added.push_back(role);
        }
        if (event.kind == EventKind::QueueTaskDone) {
            unfinished += (unfinished.empty() ? "" : ",") + std::to_string(event.value);
        }
    }
    EXPECT_EQ(added, (std::vector<std::string>{"getter", "putter", "joiner"}));
    // cpython/queue_task_done_progress.py: the getter finishes item 1 before main resumes to
    // put item 2.
    EXPECT_EQ("unfinished_after_task_done=" + unfinished, "unfinished_after_task_done=0,0");
}

TEST_F(PrimitiveTraceTest, ARejectedSemaphoreLeavesNoTrace) {
    const std::size_t before = loop.recorder().size();
    EXPECT_THROW(Semaphore(scheduler, -1), ValueError);
    EXPECT_EQ(loop.recorder().size(), before);
}

}  // namespace
}  // namespace loopscope
