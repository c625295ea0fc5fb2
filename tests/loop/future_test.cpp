// Future: deferred done-callbacks, results, errors, and run_until_complete.
#include "async/future.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "loop/loop_test_support.h"

namespace loopscope {
namespace {

TEST(FutureTest, RunUntilCompleteReturnsTheResult) {
    EventLoop loop;
    Future<int> future(loop);
    loop.call_later(seconds(3), [future]() mutable { future.set_result(42); });
    EXPECT_EQ(loop.run_until_complete(future), 42);
    EXPECT_GE(loop.time(), seconds(3));
}

TEST(FutureTest, RunUntilCompleteRethrowsTheException) {
    EventLoop loop;
    Future<void> future(loop);
    loop.call_soon([future]() mutable {
        future.set_exception(std::make_exception_ptr(ValueError("bad value")));
    });
    EXPECT_THROW(loop.run_until_complete(future), ValueError);
}

TEST(FutureTest, StoppingBeforeTheFutureIsDoneIsAnError) {
    EventLoop loop;
    Future<int> future(loop);
    loop.call_soon([&] { loop.stop(); });
    try {
        loop.run_until_complete(future);
        FAIL() << "no error";
    } catch (const RuntimeError& e) {
        EXPECT_STREQ(e.what(), "Event loop stopped before Future completed.");
    }
}

TEST(FutureTest, DoneCallbacksAreDeferredAndRunInRegistrationOrder) {
    EventLoop loop;
    Future<int> future(loop);
    std::vector<int> order;
    future.add_done_callback([&] { order.push_back(1); });
    future.add_done_callback([&] { order.push_back(2); });
    future.set_result(7);
    EXPECT_TRUE(order.empty());  // never inline
    loop.run_once();
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
    future.add_done_callback([&] { order.push_back(3); });  // already done: still call_soon
    EXPECT_EQ(order.size(), 2u);
    loop.run_once();
    EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(FutureTest, RemovedCallbackDoesNotRun) {
    EventLoop loop;
    Future<int> future(loop);
    bool ran = false;
    const auto token = future.add_done_callback([&] { ran = true; });
    EXPECT_EQ(future.remove_done_callback(token), 1u);
    EXPECT_EQ(future.remove_done_callback(token), 0u);
    future.set_result(1);
    loop.call_soon([] {});  // something to run, so the iteration does not wait
    loop.run_once();
    EXPECT_FALSE(ran);
}

TEST(FutureTest, MisuseRaisesCPythonsInvalidStateErrors) {
    EventLoop loop;
    Future<int> future(loop);
    auto message_of = [](auto action) -> std::string {
        try {
            action();
        } catch (const InvalidStateError& e) {
            return e.what();
        }
        return "no error";
    };
    EXPECT_EQ(message_of([&] { future.result(); }), "Result is not set.");
    EXPECT_EQ(message_of([&] { future.exception(); }), "Exception is not set.");
    future.set_result(1);
    EXPECT_EQ(message_of([&] { future.set_result(2); }), "invalid state");
    EXPECT_EQ(message_of([&] { future.set_exception(nullptr); }), "invalid state");
}

TEST(FutureTest, CancelCarriesItsMessageAndOnlyWorksOnce) {
    EventLoop loop;
    Future<int> future(loop);
    EXPECT_TRUE(future.cancel("why"));
    EXPECT_FALSE(future.cancel("again"));
    EXPECT_TRUE(future.cancelled());
    try {
        future.result();
        FAIL() << "no error";
    } catch (const CancelledError& e) {
        EXPECT_EQ(e.message(), "why");
    }
}

}  // namespace
}  // namespace loopscope
