// Timers with equal deadlines must fire in CPython's heapq order. The expected orders come
// from CPython itself (tests/loop/cpython/record_loop_orders.py); the scenarios here mirror its.
#include "loop/timer_heap.h"

#include <gtest/gtest.h>

#include <random>

#include "loop/loop_test_support.h"

namespace loopscope {
namespace {

using testing::cpython_loop_orders;

class TimerOrderTest : public ::testing::Test {
protected:
    // Runs `setup` against a deadline 50 ms ahead, then (like the recording's
    // `await asyncio.sleep(0.2)`) one later timer, and returns the order callbacks ran.
    template <class Setup>
    std::vector<int> fire_order(Setup setup) {
        EventLoop loop;
        std::vector<int> order;
        const Nanos when = loop.time() + milliseconds(50);
        setup(loop, when, order);
        loop.call_at(loop.time() + milliseconds(200), [&loop] { loop.stop(); });
        loop.run_forever();
        return order;
    }

    std::map<std::string, std::vector<int>> expected_ = cpython_loop_orders();
};

TEST_F(TimerOrderTest, EightEqualDeadlinesFireInHeapqOrder) {
    const auto order = fire_order([](EventLoop& loop, Nanos when, std::vector<int>& out) {
        for (int i = 0; i < 8; ++i) {
            loop.call_at(when, [&out, i] { out.push_back(i); });
        }
    });
    EXPECT_EQ(order, (std::vector<int>{0, 2, 6, 5, 7, 1, 3, 4}));
    EXPECT_EQ(order, expected_.at("ties8"));
}

TEST_F(TimerOrderTest, CancelledTiesAreDroppedLazily) {
    const auto order = fire_order([](EventLoop& loop, Nanos when, std::vector<int>& out) {
        std::vector<Handle> handles;
        for (int i = 0; i < 20; ++i) {
            handles.push_back(loop.call_at(when, [&out, i] { out.push_back(i); }));
        }
        handles[3].cancel();
        handles[0].cancel();
    });
    EXPECT_EQ(order, expected_.at("ties20_cancel"));
}

TEST_F(TimerOrderTest, MostlyCancelledHeapIsRebuiltLikeCPython) {
    const auto order = fire_order([](EventLoop& loop, Nanos when, std::vector<int>& out) {
        std::vector<Handle> handles;
        for (int i = 0; i < 150; ++i) {
            handles.push_back(loop.call_at(when, [&out, i] { out.push_back(i); }));
        }
        for (int i = 0; i < 150; ++i) {
            if (i % 3 != 0) {
                handles[static_cast<std::size_t>(i)].cancel();
            }
        }
    });
    EXPECT_EQ(order, expected_.at("compaction"));
}

TEST_F(TimerOrderTest, MixedDeadlinesFireByDeadlineThenHeapOrder) {
    const auto order = fire_order([](EventLoop& loop, Nanos when, std::vector<int>& out) {
        for (int i = 0; i < 40; ++i) {
            loop.call_at(when + milliseconds(i * 7 % 5), [&out, i] { out.push_back(i); });
        }
    });
    EXPECT_EQ(order, expected_.at("mixed"));
}

TEST(TimerHeapTest, PopsDistinctDeadlinesInAscendingOrder) {
    TimerHeap heap;
    std::mt19937 random(7);
    std::uniform_int_distribution<Nanos> deadline(0, 1'000'000);
    for (std::uint32_t i = 0; i < 5000; ++i) {
        heap.push({deadline(random), i});
    }
    Nanos previous = -1;
    while (!heap.empty()) {
        const TimerEntry entry = heap.pop();
        EXPECT_GE(entry.when, previous);
        previous = entry.when;
    }
}

TEST(TimerHeapTest, RebuildKeepsOnlyAcceptedEntries) {
    TimerHeap heap;
    for (std::uint32_t i = 0; i < 10; ++i) {
        heap.push({static_cast<Nanos>(10 - i), i});
    }
    heap.rebuild_keeping([](const TimerEntry& entry) { return entry.slot % 2 == 0; });
    ASSERT_EQ(heap.size(), 5u);
    EXPECT_EQ(heap.pop().slot, 8u);  // deadline 2
}

}  // namespace
}  // namespace loopscope
