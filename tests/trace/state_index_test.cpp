// StateIndex: a seek anywhere equals folding the trace from scratch up to there; checkpoints
// keep their spacing and their memory bound; the index grows with the trace.
#include "trace/state_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "async/run.h"
#include "async/sleep.h"
#include "async/task.h"
#include "trace/state_test_support.h"

namespace loopscope::trace {
namespace {

// A busy, varied run: tasks that sleep, yield, await children, cancel sleepers and fail.
class Workload {
public:
    explicit Workload(int workers = 60, int rounds = 12) : workers_(workers), rounds_(rounds) {}

    // Runs it; `between_rounds` is called by every worker after each round (on the loop thread).
    void run_on(Scheduler& scheduler, std::function<void()> between_rounds = {}) {
        between_rounds_ = std::move(between_rounds);
        loopscope::run(scheduler, main(scheduler));
    }

private:
    static Coro<int> leaf(Nanos delay) {
        co_await sleep(delay);
        co_return 1;
    }
    static Coro<void> sleeper(Nanos delay) { co_await sleep(delay); }

    Coro<void> worker(Scheduler& scheduler, int index) {
        for (int round = 0; round < rounds_; ++round) {
            switch (random_() % 4) {
                case 0:
                    co_await sleep(milliseconds(1 + static_cast<std::int64_t>(random_() % 50)));
                    break;
                case 1:
                    co_await sleep(0);
                    break;
                case 2: {
                    Task<int> child = create_task(scheduler, leaf(milliseconds(3)));
                    co_await child;
                    break;
                }
                default: {
                    Task<void> victim = create_task(scheduler, sleeper(seconds(1)));
                    co_await sleep(milliseconds(1));
                    victim.cancel("round " + std::to_string(round));
                    try {
                        co_await victim;
                    } catch (const CancelledError&) {
                    }
                    break;
                }
            }
            if (between_rounds_) {
                between_rounds_();
            }
        }
        if (index % 7 == 0) {
            throw ValueError("worker " + std::to_string(index) + " failed");
        }
    }

    Coro<void> main(Scheduler& scheduler) {
        std::vector<Task<void>> tasks;
        for (int i = 0; i < workers_; ++i) {
            tasks.push_back(create_task(scheduler, worker(scheduler, i)));
        }
        for (Task<void>& task : tasks) {
            try {
                co_await task;
            } catch (const ValueError&) {
            }
        }
    }

    int workers_;
    int rounds_;
    std::mt19937 random_{20261121};
    std::function<void()> between_rounds_;
};

struct StateIndexTest : ::testing::Test {
    EventLoop loop;
    Scheduler scheduler{loop};

    const Recorder& recorder() { return loop.recorder(); }

    std::vector<std::size_t> random_indices(std::size_t count, unsigned seed) {
        std::mt19937 random(seed);
        std::uniform_int_distribution<std::size_t> pick(0, recorder().size() - 1);
        std::vector<std::size_t> indices(count);
        for (std::size_t& index : indices) {
            index = pick(random);
        }
        indices.push_back(0);
        indices.push_back(recorder().size() - 1);
        return indices;
    }
};

TEST_F(StateIndexTest, AtEqualsFoldingFromScratchAnywhere) {
    Workload().run_on(scheduler);
    ASSERT_GT(recorder().size(), 10'000u);
    StateIndex index(recorder(), {.min_spacing = 300, .checkpoint_bytes_per_event = 1 << 20});
    index.update();
    ASSERT_EQ(index.size(), recorder().size());
    EXPECT_GT(index.checkpoint_count(), 10u);

    std::vector<std::size_t> indices = random_indices(300, 7);
    std::sort(indices.begin(), indices.end());
    State from_scratch;  // folded forward one event at a time, never from a checkpoint
    for (const std::size_t i : indices) {
        while (from_scratch.applied() <= i) {
            from_scratch.apply(recorder().events()[from_scratch.applied()]);
        }
        const State seeked = index.at(i);
        ASSERT_EQ(seeked.applied(), i + 1);
        ASSERT_TRUE(seeked == from_scratch) << "at event " << i << "\nseeked:\n"
                                            << describe(seeked, recorder()) << "\nfrom scratch:\n"
                                            << describe(from_scratch, recorder());
    }
    EXPECT_TRUE(index.latest() == from_scratch);
}

TEST_F(StateIndexTest, SeekingIntoAReusedStateGoesForwardAndBackward) {
    Workload(30, 8).run_on(scheduler);
    StateIndex index(recorder(), {.min_spacing = 500, .checkpoint_bytes_per_event = 1 << 20});
    index.update();
    State reused;
    // Random order: some seeks continue from the previous state, some go back past it.
    for (const std::size_t i : random_indices(200, 11)) {
        index.seek(i, reused);
        ASSERT_TRUE(reused == testing::fold_until(recorder(), i)) << "at event " << i;
    }
    // Stepping forward one event at a time, as playing does.
    for (std::size_t i = 1000; i < 1600; ++i) {
        index.seek(i, reused);
        ASSERT_EQ(reused.applied(), i + 1);
    }
    EXPECT_TRUE(reused == testing::fold_until(recorder(), 1599));
}

TEST_F(StateIndexTest, CheckpointsAreEveryMinSpacingEventsWhenMemoryAllows) {
    Workload(20, 6).run_on(scheduler);
    StateIndex index(recorder(), {.min_spacing = 100, .checkpoint_bytes_per_event = 1 << 20});
    index.update();
    ASSERT_EQ(index.checkpoint_count(), recorder().size() / 100);
    for (std::size_t i = 0; i < index.checkpoint_count(); ++i) {
        EXPECT_EQ(index.checkpoint_position(i), (i + 1) * 100);
    }
}

TEST_F(StateIndexTest, MaxSpacingBoundsTheFoldWhateverTheStateCosts) {
    Workload(20, 6).run_on(scheduler);
    // A budget no State meets: only max_spacing places checkpoints.
    StateIndex index(recorder(),
                     {.min_spacing = 100, .max_spacing = 1000, .checkpoint_bytes_per_event = 0});
    index.update();
    ASSERT_EQ(index.checkpoint_count(), recorder().size() / 1000);
    for (std::size_t i = 0; i < index.checkpoint_count(); ++i) {
        EXPECT_EQ(index.checkpoint_position(i), (i + 1) * 1000);
    }
}

TEST_F(StateIndexTest, CheckpointMemoryStaysWithinItsBudgetPerEvent) {
    Workload().run_on(scheduler);
    const StateIndex::Options options{.min_spacing = 64, .checkpoint_bytes_per_event = 8};
    StateIndex index(recorder(), options);
    index.update();
    ASSERT_GT(index.checkpoint_count(), 2u);
    std::size_t previous = 0;
    for (std::size_t i = 0; i < index.checkpoint_count(); ++i) {
        const std::size_t position = index.checkpoint_position(i);
        EXPECT_GE(position - previous, options.min_spacing);
        EXPECT_LE(index.at(position - 1).memory_bytes(), (position - previous) * 8)
            << "checkpoint " << i;
        previous = position;
    }
    std::size_t checkpoint_bytes = 0;
    for (std::size_t i = 0; i < index.checkpoint_count(); ++i) {
        checkpoint_bytes += index.at(index.checkpoint_position(i) - 1).memory_bytes();
    }
    EXPECT_LE(checkpoint_bytes, recorder().size() * 8);
}

TEST_F(StateIndexTest, UpdatingAsTheTraceGrowsGivesTheSameIndex) {
    const StateIndex::Options options{.min_spacing = 200, .checkpoint_bytes_per_event = 16};
    StateIndex live(recorder(), options);
    std::size_t updates = 0;
    Workload().run_on(scheduler, [&] {
        live.update();
        ++updates;
    });
    live.update();
    EXPECT_GT(updates, 100u);
    StateIndex once(recorder(), options);
    once.update();
    ASSERT_EQ(live.size(), once.size());
    ASSERT_EQ(live.checkpoint_count(), once.checkpoint_count());
    for (std::size_t i = 0; i < live.checkpoint_count(); ++i) {
        EXPECT_EQ(live.checkpoint_position(i), once.checkpoint_position(i));
    }
    for (const std::size_t i : random_indices(50, 3)) {
        ASSERT_TRUE(live.at(i) == once.at(i)) << "at event " << i;
    }
}

TEST_F(StateIndexTest, AClearedRecorderStartsTheIndexOver) {
    Workload(10, 4).run_on(scheduler);
    StateIndex index(recorder(), {.min_spacing = 100, .checkpoint_bytes_per_event = 1 << 20});
    index.update();
    EXPECT_GT(index.checkpoint_count(), 0u);
    loop.recorder().clear();
    loop.call_soon([] {});
    index.update();
    EXPECT_EQ(index.size(), 1u);
    EXPECT_EQ(index.checkpoint_count(), 0u);
    EXPECT_EQ(index.at(0).ready().size(), 1u);
}

TEST_F(StateIndexTest, ARecorderClearedAndRegrownPastTheIndexStillStartsOver) {
    loop.call_soon([] {});
    StateIndex index(recorder());
    index.update();
    ASSERT_EQ(index.size(), 1u);
    loop.recorder().clear();
    // The new log grows past the old one before the index looks again.
    loop.call_soon([] {});
    loop.call_soon([] {});
    index.update();
    EXPECT_EQ(index.size(), 2u);
    const State state = index.at(1);
    ASSERT_EQ(state.ready().size(), 2u);
    EXPECT_EQ(state.ready()[0].handle, recorder().events()[0].subject)
        << "the new log's first callback, not the old log's";
    EXPECT_EQ(state.ready()[1].handle, recorder().events()[1].subject);
}

TEST_F(StateIndexTest, SeekingPastTheIndexedEventsThrows) {
    loop.call_soon([] {});
    StateIndex index(recorder());
    EXPECT_THROW(index.at(0), std::out_of_range);
    index.update();
    EXPECT_NO_THROW(index.at(0));
    EXPECT_THROW(index.at(1), std::out_of_range);
}

}  // namespace
}  // namespace loopscope::trace
