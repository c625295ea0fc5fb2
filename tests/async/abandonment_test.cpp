// A scheduler torn down while tasks still wait inside a composition frees everything: no
// reference cycle through done-callbacks keeps a future or a frame alive (the sanitizer build
// reports leaks and uses after free).
#include <gtest/gtest.h>

#include "async/as_completed.h"
#include "async/gather.h"
#include "async/shield.h"
#include "async/task_group.h"
#include "async/timeout.h"
#include "async/wait.h"
#include "async/wait_for.h"
#include "async_test_support.h"

namespace loopscope {
namespace {

struct AbandonmentTest : testing::AsyncTest {
    // Starts `main` and runs the loop until only far timers are left (an idle iteration
    // would block); the fixture's destruction does the rest.
    void start_and_leave(Coro<void> main) {
        Task<void> task = create_task(scheduler, std::move(main));
        while (loop.ready_count() > 0) {
            loop.run_once();
        }
        EXPECT_FALSE(task.done());
    }
};

Coro<int> forever(EventLoop& loop) {
    Future<int> never(loop);
    co_return co_await never;
}

TEST_F(AbandonmentTest, Gather) {
    start_and_leave([](Scheduler& s) -> Coro<void> {
        co_await gather(s, forever(s.loop()), forever(s.loop()));
    }(scheduler));
}

TEST_F(AbandonmentTest, GatherOfPlainFutures) {
    start_and_leave([](EventLoop& l) -> Coro<void> {
        Future<int> never(l);
        std::vector<Future<int>> twice{never, never};  // named: see composition_trace_test
        co_await gather(std::move(twice));
    }(loop));
}

TEST_F(AbandonmentTest, Shield) {
    start_and_leave(
        [](Scheduler& s) -> Coro<void> { co_await shield(s, forever(s.loop())); }(scheduler));
}

TEST_F(AbandonmentTest, Wait) {
    start_and_leave([](Scheduler& s) -> Coro<void> {
        std::vector<Future<int>> futures{create_task(s, forever(s.loop())), Future<int>(s.loop())};
        co_await wait(std::move(futures), seconds(100));
    }(scheduler));
}

TEST_F(AbandonmentTest, AsCompleted) {
    start_and_leave([](Scheduler& s) -> Coro<void> {
        std::vector<Future<int>> futures{create_task(s, forever(s.loop())), Future<int>(s.loop())};
        for (Coro<int> next_one : as_completed(futures, seconds(100))) {
            co_await next_one;
        }
    }(scheduler));
}

TEST_F(AbandonmentTest, TimeoutAndWaitFor) {
    start_and_leave([](Scheduler& s) -> Coro<void> {
        co_await with_timeout(seconds(100), wait_for(forever(s.loop()), seconds(50)));
    }(scheduler));
}

TEST_F(AbandonmentTest, TaskGroup) {
    start_and_leave([](Scheduler& s) -> Coro<void> {
        co_await with_task_group(s, [&s](TaskGroup& group) -> Coro<void> {
            group.create_task(forever(s.loop()));
            co_await forever(s.loop());
        });
    }(scheduler));
}

TEST_F(AbandonmentTest, TaskGroupWaitingInExit) {
    start_and_leave([](Scheduler& s) -> Coro<void> {
        TaskGroup group(s);
        group.enter();
        group.create_task(forever(s.loop()));
        co_await group.exit(nullptr);
    }(scheduler));
}

}  // namespace
}  // namespace loopscope
