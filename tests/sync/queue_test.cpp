// Queue, LifoQueue, PriorityQueue: barging, cancelled getters, join, bounded putters, orders,
// QueueEmpty / QueueFull and task_done misuse.
#include "sync/queue.h"

#include <memory>
#include <string>
#include <vector>

#include "sync/lifo_queue.h"
#include "sync/priority_queue.h"
#include "sync_fixture.h"

namespace loopscope {
namespace {

using QueueTest = SyncTest;

// cpython/queue_barging.py
TEST_F(QueueTest, AGetNowaitInTheWakingStepBargesAndTheWokenGetterWaitsAgain) {
    Queue<std::string> queue(scheduler);
    auto getter = [&]() -> Coro<void> {
        const std::string item = co_await queue.get();
        note("getter_got=" + item);
    };
    auto main = [&]() -> Coro<void> {
        Task<void> task = create_task(scheduler, getter());
        co_await sleep(0);
        queue.put_nowait("a");
        note("main_took=" + queue.get_nowait());
        co_await sleep(0);
        note("getters=" + std::to_string(queue.getter_count()));
        note("getter_done=" + python_bool(task.done()));
        queue.put_nowait("b");
        co_await task;
        note("main");
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "main_took=a@2 getters=1@3 getter_done=False@3 getter_got=b@4 main@5");
}

// cpython/queue_getter_cancelled.py
TEST_F(QueueTest, AWokenGetterCancelledBeforeItRunsPassesTheWakeUpOn) {
    Queue<std::string> queue(scheduler);
    auto getter = [&](std::string name) -> Coro<void> {
        std::string item;
        try {
            item = co_await queue.get();
        } catch (const CancelledError&) {
            note(name + "_cancelled");
            throw;
        }
        note(name + "_got=" + item);
    };
    auto main = [&]() -> Coro<void> {
        Task<void> g1 = create_task(scheduler, getter("g1"));
        Task<void> g2 = create_task(scheduler, getter("g2"));
        co_await sleep(0);
        queue.put_nowait("a");
        g1.cancel();
        co_await g2;
        note("g1_cancelled=" + python_bool(g1.cancelled()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "g1_cancelled@3 g2_got=a@4 g1_cancelled=True@5");
}

// cpython/queue_join.py
TEST_F(QueueTest, JoinReturnsOneIterationAfterTheLastTaskDone) {
    Queue<int> queue(scheduler);
    auto worker = [&]() -> Coro<void> {
        for (int i = 0; i < 3; ++i) {
            const int item = co_await queue.get();
            co_await sleep(0);
            note("done" + std::to_string(item));
            queue.task_done();
        }
    };
    auto main = [&]() -> Coro<void> {
        for (int i = 0; i < 3; ++i) {
            queue.put_nowait(i);
        }
        Task<void> task = create_task(scheduler, worker());
        co_await queue.join();
        note("joined");
        co_await queue.join();
        note("joined_again");
        co_await task;
    };
    run(scheduler, main());
    EXPECT_EQ(notes(), "done0@3 done1@4 done2@5 joined@6 joined_again@6");
}

// cpython/queue_bounded_putters.py
TEST_F(QueueTest, AFullQueueBlocksPuttersAsAnEmptyOneBlocksGetters) {
    Queue<std::string> queue(scheduler, 1);
    auto putter = [&](std::string name, std::string item) -> Coro<void> {
        co_await queue.put(std::move(item));
        note(name + "_put");
    };
    auto main = [&]() -> Coro<void> {
        queue.put_nowait("x");
        Task<void> p1 = create_task(scheduler, putter("p1", "a"));
        Task<void> p2 = create_task(scheduler, putter("p2", "b"));
        co_await sleep(0);
        note("full=" + python_bool(queue.full()));
        note("got=" + queue.get_nowait());
        queue.put_nowait("y");
        co_await sleep(0);
        note("putters=" + std::to_string(queue.putter_count()));
        note("got=" + queue.get_nowait());
        co_await sleep(0);
        std::string item = co_await queue.get();
        note("got=" + item);
        item = co_await queue.get();
        note("got=" + item);
        co_await p1;
        co_await p2;
        note("empty=" + python_bool(queue.empty()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "full=True@2 got=x@2 putters=2@3 got=y@3 p2_put@4 got=b@4 p1_put@5 got=a@6 "
              "empty=True@6");
}

template <class Q>
std::string drain(Q& queue) {
    std::string out;
    while (!queue.empty()) {
        SyncTest::append_word(out, std::to_string(queue.get_nowait()));
    }
    return out;
}

struct Item {
    int priority;
    std::string label;
};
struct DerefLess {
    bool operator()(const std::unique_ptr<int>& a, const std::unique_ptr<int>& b) const {
        return *a < *b;
    }
};
struct ByPriority {
    bool operator()(const Item& a, const Item& b) const { return a.priority < b.priority; }
};

std::string drain_labels(PriorityQueue<Item, ByPriority>& queue) {
    std::string out;
    while (!queue.empty()) {
        SyncTest::append_word(out, queue.get_nowait().label);
    }
    return out;
}

// cpython/queue_orders.py
TEST_F(QueueTest, ItemsLeaveInFifoLifoAndHeapqOrder) {
    const std::vector<int> values{3, 1, 4, 1, 5, 9, 2, 6};
    Queue<int> fifo(scheduler);
    LifoQueue<int> lifo(scheduler);
    PriorityQueue<int> priority(scheduler);
    for (int value : values) {
        fifo.put_nowait(value);
        lifo.put_nowait(value);
        priority.put_nowait(value);
    }
    EXPECT_EQ(drain(fifo), "3 1 4 1 5 9 2 6");
    EXPECT_EQ(drain(lifo), "6 2 9 5 1 4 1 3");
    EXPECT_EQ(drain(priority), "1 1 2 3 4 5 6 9");

    PriorityQueue<Item, ByPriority> ties(scheduler);
    for (int i = 0; i < 8; ++i) {
        ties.put_nowait(Item{0, numbered("t", i)});
    }
    EXPECT_EQ(drain_labels(ties), "t0 t2 t6 t5 t7 t4 t1 t3");

    PriorityQueue<Item, ByPriority> mixed(scheduler);
    for (int i = 0; i < 12; ++i) {
        mixed.put_nowait(Item{i * 7 % 3, numbered("m", i)});
    }
    EXPECT_EQ(drain_labels(mixed), "m0 m6 m3 m9 m4 m10 m1 m7 m2 m5 m8 m11");
}

// cpython/misuse_messages.py
TEST_F(QueueTest, NowaitFormsRaiseQueueEmptyAndQueueFull) {
    Queue<int> queue(scheduler, 1);
    try {
        (void)queue.get_nowait();
        FAIL() << "get_nowait on an empty queue did not throw";
    } catch (const QueueEmpty& error) {
        EXPECT_EQ("str(QueueEmpty())='" + std::string(error.what()) + "'", "str(QueueEmpty())=''");
    }
    queue.put_nowait(1);
    EXPECT_TRUE(queue.full());
    try {
        queue.put_nowait(2);
        FAIL() << "put_nowait on a full queue did not throw";
    } catch (const QueueFull& error) {
        EXPECT_STREQ(error.what(), "");  // str(QueueFull()) is ''
    }
    EXPECT_EQ(queue.qsize(), 1u);
    EXPECT_EQ(queue.maxsize(), 1);
}

// cpython/misuse_messages.py
TEST_F(QueueTest, TaskDoneTooOftenIsAValueError) {
    Queue<int> queue(scheduler);
    queue.put_nowait(1);
    EXPECT_EQ(queue.get_nowait(), 1);
    queue.task_done();
    try {
        queue.task_done();
        FAIL() << "task_done() past zero did not throw";
    } catch (const ValueError& error) {
        EXPECT_STREQ(error.what(), "task_done() called too many times");
    }
}

TEST_F(QueueTest, AnUnboundedQueueIsNeverFull) {
    Queue<int> queue(scheduler, 0);
    Queue<int> negative(scheduler, -3);
    for (int i = 0; i < 1000; ++i) {
        queue.put_nowait(i);
        negative.put_nowait(i);
    }
    EXPECT_FALSE(queue.full());
    EXPECT_FALSE(negative.full());
    EXPECT_EQ(queue.unfinished_tasks(), 1000);
}

// cpython/queue_putter_cancelled.py
TEST_F(QueueTest, AWokenPutterCancelledBeforeItRunsPassesTheSlotOn) {
    Queue<std::string> queue(scheduler, 1);
    auto putter = [&](std::string name, std::string item) -> Coro<void> {
        try {
            co_await queue.put(std::move(item));
        } catch (const CancelledError&) {
            note(name + "_cancelled");
            throw;
        }
        note(name + "_put");
    };
    auto main = [&]() -> Coro<void> {
        queue.put_nowait("x");
        Task<void> p1 = create_task(scheduler, putter("p1", "a"));
        Task<void> p2 = create_task(scheduler, putter("p2", "b"));
        Task<void> p3 = create_task(scheduler, putter("p3", "c"));
        co_await sleep(0);
        p3.cancel();
        note("got=" + queue.get_nowait());
        p1.cancel();
        co_await p2;
        note("got=" + queue.get_nowait());
        note("putters=" + std::to_string(queue.putter_count()));
        note("cancelled=" + python_bool(p1.cancelled()) + "," + python_bool(p3.cancelled()));
    };
    run(scheduler, main());
    EXPECT_EQ(notes(),
              "got=x@2 p3_cancelled@3 p1_cancelled@3 p2_put@4 got=b@5 putters=0@5 "
              "cancelled=True,True@5");
}

TEST_F(QueueTest, ItemsOnlyNeedToBeMovable) {
    Queue<std::unique_ptr<int>> queue(scheduler);
    PriorityQueue<std::unique_ptr<int>, DerefLess> priority(scheduler);
    auto main = [&]() -> Coro<int> {
        co_await queue.put(std::make_unique<int>(4));
        priority.put_nowait(std::make_unique<int>(9));
        priority.put_nowait(std::make_unique<int>(2));
        std::unique_ptr<int> item = co_await queue.get();
        std::unique_ptr<int> lowest = co_await priority.get();
        co_return *item + *lowest;
    };
    EXPECT_EQ(run(scheduler, main()), 6);
}

}  // namespace
}  // namespace loopscope
