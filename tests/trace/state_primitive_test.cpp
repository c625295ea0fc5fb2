// The State of primitives and compositions, from hand-built event sequences that follow the
// meanings documented in trace/event.h (and the order core/sync emits them in).
#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

#include "async/future.h"
#include "trace/state.h"

namespace loopscope::trace {
namespace {

Event event(EventKind kind, std::uint32_t subject, std::uint32_t object = 0,
            std::int64_t value = 0) {
    return Event{0, 1, kind, 0, subject, object, value};
}

std::int64_t kind_value(AwaitKind kind) {
    return static_cast<std::int64_t>(kind);
}

struct StatePrimitiveTest : ::testing::Test {
    State state;

    void apply(std::initializer_list<Event> events) {
        for (const Event& each : events) {
            state.apply(each);
        }
    }
    std::vector<std::uint32_t> waiting_tasks(std::uint32_t primitive) {
        std::vector<State::Waiter> waiters;
        state.waiters_of(primitive, waiters);
        std::vector<std::uint32_t> tasks;
        for (const State::Waiter& waiter : waiters) {
            tasks.push_back(waiter.task);
        }
        return tasks;
    }
    std::vector<std::uint32_t> woken(std::uint32_t primitive) {
        std::vector<State::Waiter> waiters;
        state.waiters_of(primitive, waiters);
        std::vector<std::uint32_t> tasks;
        for (const State::Waiter& waiter : waiters) {
            if (waiter.woken) {
                tasks.push_back(waiter.task);
            }
        }
        return tasks;
    }
    std::vector<std::uint32_t> holders(std::uint32_t primitive) {
        std::vector<std::uint32_t> tasks;
        for (const State::Holder& holder : state.holders()) {
            if (holder.primitive == primitive) {
                tasks.push_back(holder.task);
            }
        }
        return tasks;
    }
};

using Tasks = std::vector<std::uint32_t>;

TEST_F(StatePrimitiveTest, ALockHasAnOwnerAndAFifoOfWaiters) {
    const std::uint32_t lock = 10;
    apply({event(EventKind::PrimitiveCreated, lock, 0, kind_value(AwaitKind::Lock)),
           event(EventKind::LockAcquired, lock, 1), event(EventKind::PrimitiveValue, lock, 0, 1),
           event(EventKind::WaiterAdded, lock, 2, 20), event(EventKind::WaiterAdded, lock, 3, 21)});
    ASSERT_NE(state.primitive(lock), nullptr);
    EXPECT_EQ(state.primitive(lock)->kind, AwaitKind::Lock);
    EXPECT_EQ(state.primitive(lock)->owner, 1u);
    EXPECT_EQ(state.primitive(lock)->value, 1);
    EXPECT_EQ(state.primitive(lock)->waiters, 2u);
    EXPECT_EQ(waiting_tasks(lock), (Tasks{2, 3}));

    // Release wakes the first waiter; it stays queued until it runs and removes itself.
    apply({event(EventKind::LockReleased, lock, 1), event(EventKind::PrimitiveValue, lock, 0, 0),
           event(EventKind::WaiterWoken, lock, 2, 20)});
    EXPECT_EQ(state.primitive(lock)->owner, 0u);
    EXPECT_EQ(state.primitive(lock)->value, 0);
    EXPECT_EQ(waiting_tasks(lock), (Tasks{2, 3}));
    EXPECT_EQ(woken(lock), (Tasks{2}));

    apply({event(EventKind::WaiterRemoved, lock, 2, 20), event(EventKind::LockAcquired, lock, 2),
           event(EventKind::PrimitiveValue, lock, 0, 1)});
    EXPECT_EQ(state.primitive(lock)->owner, 2u);
    EXPECT_EQ(waiting_tasks(lock), (Tasks{3}));
    EXPECT_EQ(state.primitive(lock)->waiters, 1u);
    EXPECT_EQ(holders(lock), (Tasks{2}));
}

TEST_F(StatePrimitiveTest, ASemaphoreCountsUnitsAndKnowsWhoHoldsThem) {
    const std::uint32_t semaphore = 11;
    apply({event(EventKind::PrimitiveCreated, semaphore, 2, kind_value(AwaitKind::Semaphore))});
    EXPECT_EQ(state.primitive(semaphore)->value, 2);
    EXPECT_EQ(state.primitive(semaphore)->initial, 2u);

    apply({event(EventKind::PrimitiveValue, semaphore, 0, 1),
           event(EventKind::LockAcquired, semaphore, 1),
           event(EventKind::PrimitiveValue, semaphore, 0, 0),
           event(EventKind::LockAcquired, semaphore, 2),
           event(EventKind::WaiterAdded, semaphore, 3, 30)});
    EXPECT_EQ(state.primitive(semaphore)->value, 0);
    EXPECT_EQ(state.primitive(semaphore)->owner, 0u) << "a semaphore has holders, not an owner";
    EXPECT_EQ(holders(semaphore), (Tasks{1, 2}));
    EXPECT_EQ(waiting_tasks(semaphore), (Tasks{3}));

    // Task 1 releases; the unit is reserved for the woken waiter (value back to 0).
    apply({event(EventKind::LockReleased, semaphore, 1),
           event(EventKind::PrimitiveValue, semaphore, 0, 1),
           event(EventKind::PrimitiveValue, semaphore, 0, 0),
           event(EventKind::WaiterWoken, semaphore, 3, 30)});
    EXPECT_EQ(holders(semaphore), (Tasks{2}));
    EXPECT_EQ(woken(semaphore), (Tasks{3}));
    apply({event(EventKind::WaiterRemoved, semaphore, 3, 30),
           event(EventKind::LockAcquired, semaphore, 3)});
    EXPECT_EQ(holders(semaphore), (Tasks{2, 3}));
    EXPECT_TRUE(waiting_tasks(semaphore).empty());

    // Released outside any task: the oldest holding ends.
    apply({event(EventKind::LockReleased, semaphore, 0),
           event(EventKind::PrimitiveValue, semaphore, 0, 1)});
    EXPECT_EQ(holders(semaphore), (Tasks{3}));
    EXPECT_EQ(state.primitive(semaphore)->holders, 1u);
    EXPECT_EQ(state.primitive(semaphore)->value, 1);
}

TEST_F(StatePrimitiveTest, AQueueTracksItsSizeAndItsWaitersLeaveBeforeTheyAreWoken) {
    const std::uint32_t queue = 12;
    apply({event(EventKind::PrimitiveCreated, queue, 1, kind_value(AwaitKind::Queue)),
           event(EventKind::WaiterAdded, queue, 1, 40)});
    EXPECT_EQ(state.primitive(queue)->value, 0);
    EXPECT_EQ(state.primitive(queue)->initial, 1u);  // maxsize
    EXPECT_EQ(waiting_tasks(queue), (Tasks{1}));

    apply({event(EventKind::QueuePut, queue, 2, 1), event(EventKind::PrimitiveValue, queue, 0, 1),
           event(EventKind::WaiterRemoved, queue, 1, 40),
           event(EventKind::WaiterWoken, queue, 1, 40)});
    EXPECT_EQ(state.primitive(queue)->value, 1);
    EXPECT_TRUE(waiting_tasks(queue).empty());

    apply({event(EventKind::QueueGot, queue, 1, 0)});
    EXPECT_EQ(state.primitive(queue)->value, 0);
}

TEST_F(StatePrimitiveTest, AQueueKnowsItsWaitersRolesAndItsUnfinishedItems) {
    const std::uint32_t queue = 12;
    auto waiter_event = [&](EventKind kind, std::uint32_t task, std::int64_t future,
                            WaiterRole role) {
        Event added = event(kind, queue, task, future);
        added.flags = static_cast<std::uint16_t>(role);
        return added;
    };
    apply({event(EventKind::PrimitiveCreated, queue, 1, kind_value(AwaitKind::Queue)),
           waiter_event(EventKind::WaiterAdded, 1, 40, WaiterRole::Getter),
           event(EventKind::QueuePut, queue, 3, 1), event(EventKind::QueuePut, queue, 3, 2),
           waiter_event(EventKind::WaiterAdded, 3, 41, WaiterRole::Putter)});
    std::vector<State::Waiter> waiters;
    state.waiters_of(queue, waiters);
    ASSERT_EQ(waiters.size(), 2u);
    EXPECT_EQ(waiters[0].role, WaiterRole::Getter);
    EXPECT_EQ(waiters[1].role, WaiterRole::Putter);
    EXPECT_EQ(state.primitive(queue)->unfinished, 2);

    apply({event(EventKind::QueueTaskDone, queue, 1, 1)});
    EXPECT_EQ(state.primitive(queue)->unfinished, 1);
}

TEST_F(StatePrimitiveTest, AnEventWakesEveryWaiterAndEachRemovesItself) {
    const std::uint32_t flag = 13;
    apply({event(EventKind::PrimitiveCreated, flag, 0, kind_value(AwaitKind::Event)),
           event(EventKind::WaiterAdded, flag, 1, 50), event(EventKind::WaiterAdded, flag, 2, 51),
           event(EventKind::PrimitiveValue, flag, 0, 1), event(EventKind::WaiterWoken, flag, 1, 50),
           event(EventKind::WaiterWoken, flag, 2, 51)});
    EXPECT_EQ(state.primitive(flag)->value, 1);
    EXPECT_EQ(woken(flag), (Tasks{1, 2}));
    apply({event(EventKind::WaiterRemoved, flag, 2, 51)});
    EXPECT_EQ(waiting_tasks(flag), (Tasks{1}));
    apply({event(EventKind::WaiterRemoved, flag, 1, 50)});
    EXPECT_TRUE(state.waiters().empty());
}

TEST_F(StatePrimitiveTest, WaitersOfSeveralPrimitivesKeepTheirOwnOrder) {
    apply({event(EventKind::PrimitiveCreated, 1, 0, kind_value(AwaitKind::Lock)),
           event(EventKind::PrimitiveCreated, 2, 0, kind_value(AwaitKind::Lock)),
           event(EventKind::WaiterAdded, 1, 7, 100), event(EventKind::WaiterAdded, 2, 8, 101),
           event(EventKind::WaiterAdded, 1, 9, 102), event(EventKind::WaiterAdded, 2, 7, 103)});
    EXPECT_EQ(waiting_tasks(1), (Tasks{7, 9}));
    EXPECT_EQ(waiting_tasks(2), (Tasks{8, 7}));
    // The same task waiting twice (a Condition's wait, then its lock): the future tells which.
    apply({event(EventKind::WaiterRemoved, 2, 7, 103)});
    EXPECT_EQ(waiting_tasks(2), (Tasks{8}));
    EXPECT_EQ(waiting_tasks(1), (Tasks{7, 9}));
}

TEST_F(StatePrimitiveTest, GathersAndShieldsLastUntilTheirOuterFutureIsDone) {
    apply({event(EventKind::GatherChild, 50, 2, 0), event(EventKind::GatherChild, 50, 3, 1),
           event(EventKind::ShieldCreated, 80, 4)});
    ASSERT_NE(state.composite(50), nullptr);
    EXPECT_EQ(state.composite(50)->kind, State::CompositeKind::Gather);
    EXPECT_EQ(state.composite(50)->children, 2u);
    ASSERT_EQ(state.gather_edges().size(), 2u);
    EXPECT_EQ(state.gather_edges()[1].child, 3u);
    EXPECT_EQ(state.gather_edges()[1].index, 1u);
    EXPECT_EQ(state.composite(80)->owner, 4u);

    apply({event(EventKind::FutureDone, 50, 0, static_cast<std::int64_t>(FutureStatus::Finished))});
    EXPECT_EQ(state.composite(50), nullptr);
    EXPECT_TRUE(state.gather_edges().empty());
    ASSERT_NE(state.composite(80), nullptr);
    apply({event(EventKind::FutureDone, 80, 0, static_cast<std::int64_t>(FutureStatus::Finished))});
    EXPECT_TRUE(state.composites().empty());
}

TEST_F(StatePrimitiveTest, TaskGroupsTimeoutsAndJobFutures) {
    apply({event(EventKind::TaskGroupEntered, 60, 1), event(EventKind::TaskGroupAborted, 60, 2),
           event(EventKind::TimeoutScheduled, 70, 1, seconds(5)),
           event(EventKind::JobSubmitted, 5, 0, 0), event(EventKind::JobFuture, 5, 90)});
    EXPECT_EQ(state.composite(60)->owner, 1u);
    EXPECT_TRUE(state.composite(60)->fired);
    EXPECT_EQ(state.composite(60)->cause, 2u);
    EXPECT_EQ(state.composite(70)->deadline, seconds(5));
    EXPECT_FALSE(state.composite(70)->fired);
    EXPECT_EQ(state.job(5)->future, 90u);
    apply({event(EventKind::TimeoutExpired, 70, 1, seconds(5))});
    EXPECT_TRUE(state.composite(70)->fired);

    apply({event(EventKind::TimeoutExited, 70, 1, 1)});
    EXPECT_EQ(state.composite(70), nullptr);
    apply({event(EventKind::TaskGroupExited, 60, 1)});
    EXPECT_TRUE(state.composites().empty());
}

}  // namespace
}  // namespace loopscope::trace
