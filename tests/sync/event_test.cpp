// Event: set() wakes every waiter FIFO, behind tasks already queued; clear() after set().
#include "sync/event.h"

#include <string>

#include "sync_fixture.h"

namespace loopscope {
namespace {

using EventTest = SyncTest;

// cpython/event_wait.py (CPython's EventTests.test_wait)
TEST_F(EventTest, SetWakesWaitersFifoBehindATaskNotYetStarted) {
    Event event(scheduler);
    auto waiter = [&](std::string name) -> Coro<void> {
        if (co_await event.wait()) {
            note(name);
        }
    };
    auto main = [&]() -> Coro<void> {
        EXPECT_FALSE(event.is_set());
        Task<void> t1 = create_task(scheduler, waiter("t1"));
        Task<void> t2 = create_task(scheduler, waiter("t2"));
        co_await sleep(0);
        note("main");
        Task<void> t3 = create_task(scheduler, waiter("t3"));
        event.set();
        co_await sleep(0);
        note("done=" + python_bool(t1.done() && t2.done() && t3.done()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "main@2 t3@3 t1@3 t2@3 done=True@3");
    EXPECT_EQ(event.waiter_count(), 0u);
}

// cpython/event_set_then_clear.py
TEST_F(EventTest, AWaiterWokenBySetReturnsTrueEvenIfClearFollows) {
    Event event(scheduler);
    auto waiter = [&]() -> Coro<void> {
        const bool result = co_await event.wait();
        note("t1=" + python_bool(result));
    };
    auto main = [&]() -> Coro<void> {
        Task<void> t1 = create_task(scheduler, waiter());
        co_await sleep(0);
        event.set();
        event.clear();
        note("is_set=" + python_bool(event.is_set()));
        co_await t1;
        note("main");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "is_set=False@2 t1=True@3 main@4");
}

TEST_F(EventTest, WaitOnASetEventReturnsWithoutSuspending) {
    Event event(scheduler);
    event.set();
    auto main = [&]() -> Coro<void> {
        co_await event.wait();
        note("waited");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "waited@1");
}

// cpython/event_wait_cancelled.py
TEST_F(EventTest, ACancelledWaiterLeavesAndSetWakesOnlyTheOthers) {
    Event event(scheduler);
    auto waiter = [&](std::string name) -> Coro<void> {
        try {
            co_await event.wait();
        } catch (const CancelledError&) {
            note(name + "_cancelled");
            throw;
        }
        note(name);
    };
    auto main = [&]() -> Coro<void> {
        Task<void> t1 = create_task(scheduler, waiter("t1"));
        Task<void> t2 = create_task(scheduler, waiter("t2"));
        co_await sleep(0);
        t1.cancel();
        co_await sleep(0);
        note("waiters=" + std::to_string(event.waiter_count()));
        event.set();
        co_await t2;
        note("t1_cancelled=" + python_bool(t1.cancelled()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "t1_cancelled@3 waiters=1@3 t2@4 t1_cancelled=True@5");
}

}  // namespace
}  // namespace loopscope
