// Moving one loop's events to after another's (a script's second asyncio.run): ids, iterations
// and times move, labels and plain numbers stay, and "none" (id 0) stays none.
#include "trace/event_fields.h"

#include <gtest/gtest.h>

#include "async/future.h"

namespace loopscope::trace {
namespace {

constexpr TraceContinuation kAfter{100, 7, 5'000'000'000};

Event event_of(EventKind kind, std::uint32_t subject, std::uint32_t object, std::int64_t value) {
    Event event;
    event.time = 250;
    event.iteration = 3;
    event.kind = kind;
    event.subject = subject;
    event.object = object;
    event.value = value;
    return event;
}

TEST(EventFieldsTest, TimeAndIterationMoveForEveryEvent) {
    Event poll = event_of(EventKind::PollBegin, 0, 1, 40'000'000);
    continue_event(poll, kAfter);
    EXPECT_EQ(poll.time, 5'000'000'250);
    EXPECT_EQ(poll.iteration, 10u);
    EXPECT_EQ(poll.object, 1u);         // blocks: a flag
    EXPECT_EQ(poll.value, 40'000'000);  // a timeout: a duration
}

TEST(EventFieldsTest, ATimersHandleAndDeadlineMoveItsLabelStays) {
    Event armed = event_of(EventKind::TimerArmed, 12, 4, 1'000'000'000);
    EXPECT_EQ(field_roles(armed).object, FieldRole::Text);
    continue_event(armed, kAfter);
    EXPECT_EQ(armed.subject, 112u);
    EXPECT_EQ(armed.object, 4u);
    EXPECT_EQ(armed.value, 6'000'000'000);
}

TEST(EventFieldsTest, IdZeroMeansNoneAndStaysNone) {
    Event top_level = event_of(EventKind::TaskCreated, 5, 0, 9);  // no parent task
    continue_event(top_level, kAfter);
    EXPECT_EQ(top_level.subject, 105u);
    EXPECT_EQ(top_level.object, 0u);
    EXPECT_EQ(top_level.value, 9);  // the coroutine's name: a label
    Event by_child = event_of(EventKind::TaskCreated, 6, 5, 9);
    continue_event(by_child, kAfter);
    EXPECT_EQ(by_child.object, 105u);
}

TEST(EventFieldsTest, AWaitersFutureIsAnIdAQueuesSizeIsNot) {
    Event added = event_of(EventKind::WaiterAdded, 20, 5, 31);
    continue_event(added, kAfter);
    EXPECT_EQ(added.subject, 120u);
    EXPECT_EQ(added.object, 105u);
    EXPECT_EQ(added.value, 131);
    Event put = event_of(EventKind::QueuePut, 20, 5, 3);
    continue_event(put, kAfter);
    EXPECT_EQ(put.value, 3);
}

TEST(EventFieldsTest, OnlyAConditionsPrimitiveCreatedNamesAnObject) {
    Event semaphore = event_of(EventKind::PrimitiveCreated, 40, 10,
                               static_cast<std::int64_t>(AwaitKind::Semaphore));
    continue_event(semaphore, kAfter);
    EXPECT_EQ(semaphore.object, 10u);  // its initial value
    Event condition = event_of(EventKind::PrimitiveCreated, 41, 39,
                               static_cast<std::int64_t>(AwaitKind::Condition));
    continue_event(condition, kAfter);
    EXPECT_EQ(condition.object, 139u);  // its lock
}

TEST(EventFieldsTest, LargestIdLooksAtEveryIdField) {
    EXPECT_EQ(largest_id(event_of(EventKind::WaiterWoken, 20, 5, 31)), 31u);
    EXPECT_EQ(largest_id(event_of(EventKind::TaskLine, 8, 70, 12)), 8u);  // file label, line
    EXPECT_EQ(largest_id(event_of(EventKind::IterationBegin, 0, 0, 900)), 0u);
}

}  // namespace
}  // namespace loopscope::trace
