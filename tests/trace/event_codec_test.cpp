#include "trace/event_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <random>
#include <vector>

#include "trace/background_coder.h"
#include "trace/event_log.h"

namespace loopscope::trace {
namespace {

bool same(const Event& a, const Event& b) {
    return a.time == b.time && a.iteration == b.iteration && a.kind == b.kind &&
           a.flags == b.flags && a.subject == b.subject && a.object == b.object &&
           a.value == b.value;
}

std::vector<Event> round_trip(const std::vector<Event>& events, std::size_t* coded_bytes) {
    EventCodec codec;
    std::vector<std::uint8_t> bytes(events.size() * EventCodec::kMaxEventBytes);
    const std::uint8_t* const end = codec.encode(events, bytes.data());
    *coded_bytes = static_cast<std::size_t>(end - bytes.data());
    std::vector<Event> decoded(events.size());
    EXPECT_EQ(codec.decode(bytes.data(), decoded), end);
    return decoded;
}

void expect_same(const std::vector<Event>& expected, const std::vector<Event>& actual) {
    ASSERT_EQ(expected.size(), actual.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        ASSERT_TRUE(same(expected[i], actual[i])) << "event " << i;
    }
}

// Every field random, kinds included (beyond the ones event.h names: a recording may carry
// any number).
std::vector<Event> random_events(std::size_t count, std::uint32_t seed) {
    std::mt19937_64 random(seed);
    std::vector<Event> events(count);
    for (Event& event : events) {
        event.time = static_cast<Nanos>(random());
        event.iteration = static_cast<std::uint32_t>(random());
        event.kind = static_cast<EventKind>(random() % 400);
        event.flags = static_cast<std::uint16_t>(random());
        event.subject = static_cast<std::uint32_t>(random() % 1000);
        event.object = static_cast<std::uint32_t>(random());
        event.value = static_cast<std::int64_t>(random());
    }
    return events;
}

// A loop going round: each iteration the same kinds, ids moving on by the same steps, two
// tasks taking turns (as in a ping-pong through two queues).
std::vector<Event> periodic_events(std::size_t iterations) {
    std::vector<Event> events;
    std::uint32_t handle = 10;
    for (std::uint32_t iteration = 1; iteration <= iterations; ++iteration) {
        const std::uint32_t task = iteration % 2 == 0 ? 3 : 5;
        const std::uint32_t other = task == 3 ? 5 : 3;
        const Nanos time = 1000;
        const auto add = [&](EventKind kind, std::uint32_t subject, std::uint32_t object,
                             std::int64_t value) {
            events.push_back(Event{time, iteration, kind, 0, subject, object, value});
        };
        add(EventKind::IterationBegin, 0, 0, 1);
        add(EventKind::CallbackBegin, handle, 0, 0);
        add(EventKind::TaskStepBegin, task, 0, 0);
        add(EventKind::QueueGot, task == 3 ? 9 : 8, task, 0);
        add(EventKind::TaskLine, task, 1, task == 3 ? 18 : 24);
        add(EventKind::QueuePut, task == 3 ? 8 : 9, task, 1);
        add(EventKind::TaskReady, other, task == 3 ? 8 : 9, 2);
        add(EventKind::CallbackScheduled, handle + 1, other, 0);
        add(EventKind::TaskWaiting, task, task == 3 ? 9 : 8, 7);
        add(EventKind::TaskStepEnd, task, 0, 0);
        add(EventKind::CallbackEnd, handle, 0, 0);
        ++handle;
    }
    return events;
}

TEST(EventCodecTest, RandomEventsComeBackExactly) {
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        const std::vector<Event> events = random_events(EventLog::kBlockEvents, seed);
        std::size_t bytes = 0;
        expect_same(events, round_trip(events, &bytes));
    }
}

// Fields that stay, move on by a step, alternate between two values or jump at random, each
// switching between those at random moments: every path of the prediction, right and wrong.
TEST(EventCodecTest, FieldsChangingTheirPatternComeBackExactly) {
    std::mt19937_64 random(5);
    std::vector<Event> events;
    std::array<int, 6> pattern{};
    std::array<std::uint64_t, 6> value{};
    for (std::size_t i = 0; i < 4 * EventLog::kBlockEvents; ++i) {
        std::array<std::uint64_t, 6> fields{};
        for (std::size_t field = 0; field < fields.size(); ++field) {
            if (random() % 50 == 0) {
                pattern[field] = static_cast<int>(random() % 4);
            }
            switch (pattern[field]) {
                case 1:
                    value[field] += 3;
                    break;
                case 2:
                    value[field] = i % 2 == 0 ? 7 : 1000;
                    break;
                case 3:
                    value[field] = random();
                    break;
                default:
                    break;
            }
            fields[field] = value[field];
        }
        events.push_back(
            Event{static_cast<Nanos>(fields[0]), static_cast<std::uint32_t>(fields[1]),
                  static_cast<EventKind>(random() % 3 == 0 ? 67 : 70),
                  static_cast<std::uint16_t>(fields[2]), static_cast<std::uint32_t>(fields[3]),
                  static_cast<std::uint32_t>(fields[4]), static_cast<std::int64_t>(fields[5])});
    }
    std::size_t bytes = 0;
    expect_same(events, round_trip(events, &bytes));
}

TEST(EventCodecTest, ExtremeValuesComeBackExactly) {
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    constexpr auto kU32 = std::numeric_limits<std::uint32_t>::max();
    constexpr auto kU16 = std::numeric_limits<std::uint16_t>::max();
    const std::vector<Event> events = {
        {kMin, 0, EventKind::TimerArmed, 0, 0, 0, kMax},
        {kMax, kU32, EventKind::TimerArmed, kU16, kU32, kU32, kMin},
        {kMin, 0, EventKind::TimerArmed, 0, 0, 0, kMax},
        {0, 0, static_cast<EventKind>(kU16), kU16, 0, 0, -1},
        {-1, 1, static_cast<EventKind>(32), 1, 1, 1, 1},
        {kMax, kU32, EventKind::TaskLine, kU16, kU32, kU32, kMax},
        {kMin, 0, EventKind::TaskLine, 0, 0, 0, kMin},
    };
    std::size_t bytes = 0;
    expect_same(events, round_trip(events, &bytes));
}

TEST(EventCodecTest, ARepeatingLoopTakesAboutAByteAnEvent) {
    const std::vector<Event> events = periodic_events(EventLog::kBlockEvents / 11);
    std::size_t bytes = 0;
    expect_same(events, round_trip(events, &bytes));
    // Only the first rounds of each task miss; the rest is predicted exactly.
    EXPECT_LT(static_cast<double>(bytes) / static_cast<double>(events.size()), 1.3);
}

// Timers firing in deadline order: each timer's handle is anyone's guess, but the callback
// that runs names the handle of the event just before it, and its end that of its begin.
TEST(EventCodecTest, AFieldAsInTheEventBeforeIsPredictedFromIt) {
    std::mt19937 random(9);
    std::vector<Event> events;
    for (std::uint32_t i = 0; events.size() + 3 <= EventLog::kBlockEvents; ++i) {
        const auto handle = static_cast<std::uint32_t>(random() % 1'000'000);
        const Nanos time = 1000 * (i / 8);
        events.push_back(Event{time, i / 8, EventKind::TimerFired, 0, handle, 0, 5});
        events.push_back(Event{time, i / 8, EventKind::CallbackBegin, 0, handle, 0, 0});
        events.push_back(Event{time, i / 8, EventKind::CallbackEnd, 0, handle, 0, 0});
    }
    std::size_t bytes = 0;
    expect_same(events, round_trip(events, &bytes));
    // A random handle takes six bytes or so; only the timer's costs them, the callback's two
    // events a byte each.
    EXPECT_LT(static_cast<double>(bytes) / static_cast<double>(events.size()), 3.0);
}

// A block of one event, its fields as far from the empty prediction as they go, in a buffer
// of just kMaxEventBytes; and a block of none.
TEST(EventCodecTest, TheSmallestBlocksComeBackExactly) {
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    constexpr auto kU32 = std::numeric_limits<std::uint32_t>::max();
    constexpr auto kU16 = std::numeric_limits<std::uint16_t>::max();
    const std::vector<Event> one = {
        {kMin, kU32, static_cast<EventKind>(kU16), kU16, kU32, kU32, kMin}};
    std::size_t bytes = 0;
    expect_same(one, round_trip(one, &bytes));
    EXPECT_LE(bytes, EventCodec::kMaxEventBytes);

    EventCodec codec;
    std::uint8_t byte = 0;
    EXPECT_EQ(codec.encode({}, &byte), &byte);
    EXPECT_EQ(codec.decode(&byte, {}), &byte);
}

// Every EventLog test runs with blocks coded by the appending thread and by a thread of the
// log's own; the background coder's blocks are read while they wait for it, too.
class EventLogTest : public testing::TestWithParam<EventLog::Coding> {};

INSTANTIATE_TEST_SUITE_P(Coding, EventLogTest,
                         testing::Values(EventLog::Coding::Inline, EventLog::Coding::Background),
                         [](const testing::TestParamInfo<EventLog::Coding>& param) {
                             return param.param == EventLog::Coding::Inline ? "Inline"
                                                                            : "Background";
                         });

TEST_P(EventLogTest, ReadsBackEveryEventInAnyOrderWhileItGrows) {
    std::vector<Event> written = periodic_events(2000);
    const std::vector<Event> noise = random_events(3000, 7);
    written.insert(written.begin() + 5000, noise.begin(), noise.end());

    EventLog log(GetParam());
    std::mt19937 random(3);
    for (std::size_t i = 0; i < written.size(); ++i) {
        log.push_back(written[i]);
        // Reads between writes decode earlier blocks with the codec that codes the next.
        if (i % 997 == 0) {
            const std::size_t at = random() % log.size();
            ASSERT_TRUE(same(log[at], written[at])) << "event " << at << " of " << log.size();
        }
    }
    ASSERT_EQ(log.size(), written.size());
    EXPECT_TRUE(same(log.back(), written.back()));

    // Random reads: most decode a block (each decode costs a block's worth of events, so a
    // sample, not every event).
    std::vector<std::size_t> order(written.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), random);
    order.resize(2000);
    for (const std::size_t at : order) {
        ASSERT_TRUE(same(log[at], written[at])) << "event " << at;
    }
    std::size_t index = 0;
    for (const Event event : log) {
        ASSERT_TRUE(same(event, written[index])) << "event " << index;
        ++index;
    }
    EXPECT_EQ(index, written.size());
}

TEST_P(EventLogTest, ALongRepeatingTraceTakesAFractionOfItsStructs) {
    EventLog log(GetParam());
    const std::vector<Event> events = periodic_events(100'000);
    for (const Event& event : events) {
        log.push_back(event);
    }
    // The codec's tables and the decoded blocks are a fixed ~0.6 MB; the 1.1 M events
    // themselves take under two bytes each.
    EXPECT_LT(log.capacity_bytes(), events.size() * sizeof(Event) / 10);
    EXPECT_TRUE(same(log[events.size() / 2], events[events.size() / 2]));
}

TEST_P(EventLogTest, ClearStartsAgainFromEmpty) {
    EventLog log(GetParam());
    for (const Event& event : random_events(5000, 11)) {
        log.push_back(event);
    }
    log.clear();
    const std::vector<Event> again = random_events(3000, 12);
    for (const Event& event : again) {
        log.push_back(event);
    }
    ASSERT_EQ(log.size(), again.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        ASSERT_TRUE(same(log[i], again[i])) << "event " << i;
    }
}

TEST(BackgroundCoderTest, CodesEachBlockToTheBytesTheCodecMakes) {
    // Blocks of periodic and random events, each coded by the thread and by a codec here.
    std::vector<std::vector<Event>> blocks;
    for (std::uint32_t i = 0; i < 12; ++i) {
        std::vector<Event> events =
            i % 2 == 0 ? periodic_events(100 + i) : random_events(EventLog::kBlockEvents, i);
        events.resize(std::min(events.size(), EventLog::kBlockEvents));
        blocks.push_back(std::move(events));
    }
    BackgroundCoder coder;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        coder.submit(
            {i, blocks[i].data(), blocks[i].size(),
             std::make_unique<std::uint8_t[]>(blocks[i].size() * EventCodec::kMaxEventBytes), 0});
    }
    std::vector<BackgroundCoder::Job> coded;
    coder.finish(coded);
    ASSERT_EQ(coded.size(), blocks.size());

    EventCodec codec;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        EXPECT_EQ(coded[i].block, i) << "jobs come back in the order they went";
        std::vector<std::uint8_t> expected(blocks[i].size() * EventCodec::kMaxEventBytes);
        const std::uint8_t* const end = codec.encode(blocks[i], expected.data());
        expected.resize(static_cast<std::size_t>(end - expected.data()));
        ASSERT_EQ(coded[i].coded_bytes, expected.size()) << "block " << i;
        EXPECT_EQ(std::memcmp(coded[i].bytes.get(), expected.data(), expected.size()), 0)
            << "block " << i;
    }
}

TEST(BackgroundCoderTest, AbandoningGivesEveryJobBackCodedOrNot) {
    const std::vector<Event> events = random_events(EventLog::kBlockEvents, 3);
    BackgroundCoder coder;
    constexpr std::size_t kJobs = 40;
    for (std::size_t i = 0; i < kJobs; ++i) {
        coder.submit({i, events.data(), events.size(),
                      std::make_unique<std::uint8_t[]>(events.size() * EventCodec::kMaxEventBytes),
                      0});
    }
    std::vector<BackgroundCoder::Job> back;
    coder.abandon(back);
    ASSERT_EQ(back.size(), kJobs);
    std::vector<bool> seen(kJobs, false);
    for (const BackgroundCoder::Job& job : back) {
        ASSERT_LT(job.block, kJobs);
        EXPECT_FALSE(seen[job.block]) << "block " << job.block << " came back twice";
        seen[job.block] = true;
        EXPECT_NE(job.bytes, nullptr);
    }
    // The coder goes on taking jobs after.
    coder.submit({kJobs, events.data(), events.size(),
                  std::make_unique<std::uint8_t[]>(events.size() * EventCodec::kMaxEventBytes), 0});
    back.clear();
    coder.finish(back);
    ASSERT_EQ(back.size(), 1U);
    EXPECT_GT(back[0].coded_bytes, 0U);
}

TEST_P(EventLogTest, EveryBlockReadsTheSameWhetherJustSealedOrLongCoded) {
    // Reading each block the moment it is sealed finds it still waiting for the background
    // coder (or just coded inline); reading all of them after finds them coded.
    const std::vector<Event> written = random_events(40 * EventLog::kBlockEvents + 17, 5);
    EventLog log(GetParam());
    for (std::size_t i = 0; i < written.size(); ++i) {
        log.push_back(written[i]);
        if (i % EventLog::kBlockEvents == 0 && i > 0) {
            const std::size_t block_start = i - EventLog::kBlockEvents;
            for (std::size_t at = block_start; at < i; at += 101) {
                ASSERT_TRUE(same(log[at], written[at])) << "event " << at << " just sealed";
            }
        }
    }
    for (std::size_t i = 0; i < written.size(); ++i) {
        ASSERT_TRUE(same(log[i], written[i])) << "event " << i;
    }
}

TEST_P(EventLogTest, ClearingWhileBlocksWaitToBeCodedLosesNothingAfter) {
    EventLog log(GetParam());
    for (std::uint32_t round = 0; round < 5; ++round) {
        const std::vector<Event> written =
            random_events(3 * EventLog::kBlocksInFlight * EventLog::kBlockEvents, 20 + round);
        for (const Event& event : written) {
            log.push_back(event);
        }
        ASSERT_EQ(log.size(), written.size());
        EXPECT_TRUE(same(log[written.size() / 3], written[written.size() / 3]));
        EXPECT_TRUE(same(log.back(), written.back()));
        log.clear();
        EXPECT_TRUE(log.empty());
    }
}

}  // namespace
}  // namespace loopscope::trace
