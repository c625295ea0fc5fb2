// File-descriptor readiness through a pipe and a socketpair.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "loop/event_loop.h"
#include "loop/loop_test_support.h"

namespace loopscope {
namespace {

struct Pipe {
    int read_end = -1;
    int write_end = -1;
    Pipe() {
        int fds[2];
        EXPECT_EQ(pipe(fds), 0);
        read_end = fds[0];
        write_end = fds[1];
    }
    ~Pipe() {
        close(read_end);
        close(write_end);
    }
};

TEST(FdTest, ReaderRunsWhenThePipeHasData) {
    EventLoop loop;
    Pipe pipe;
    std::string received;
    loop.add_reader(pipe.read_end, [&] {
        char buffer[16];
        const auto n = read(pipe.read_end, buffer, sizeof buffer);
        received.append(buffer, static_cast<std::size_t>(n));
        loop.remove_reader(pipe.read_end);
        loop.stop();
    });
    ASSERT_EQ(write(pipe.write_end, "ping", 4), 4);
    loop.run_forever();
    EXPECT_EQ(received, "ping");
}

TEST(FdTest, IoCallbacksRunBeforeTimersDueInTheSameIteration) {
    EventLoop loop;
    Pipe pipe;
    std::vector<std::string> order;
    loop.call_at(0, [&] { order.push_back("timer"); });
    loop.add_reader(pipe.read_end, [&] {
        order.push_back("reader");
        loop.remove_reader(pipe.read_end);
    });
    ASSERT_EQ(write(pipe.write_end, "x", 1), 1);
    loop.run_once();
    EXPECT_EQ(order, (std::vector<std::string>{"reader", "timer"}));
}

TEST(FdTest, WriterRunsWhenTheSocketIsWritable) {
    EventLoop loop;
    int sockets[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sockets), 0);
    int writes = 0;
    loop.add_writer(sockets[0], [&] {
        ++writes;
        loop.remove_writer(sockets[0]);
    });
    loop.run_once();  // a fresh socket is writable at once
    EXPECT_EQ(writes, 1);
    close(sockets[0]);
    close(sockets[1]);
}

TEST(FdTest, LevelTriggeredReaderRunsEachIterationUntilDrained) {
    EventLoop loop;
    Pipe pipe;
    int runs = 0;
    loop.add_reader(pipe.read_end, [&] { ++runs; });
    ASSERT_EQ(write(pipe.write_end, "x", 1), 1);
    loop.run_once();
    loop.run_once();
    EXPECT_EQ(runs, 2);
    EXPECT_TRUE(loop.remove_reader(pipe.read_end));
    EXPECT_FALSE(loop.remove_reader(pipe.read_end));
}

TEST(FdTest, RemovingAReaderCancelsItsQueuedRun) {
    EventLoop loop;
    Pipe pipe;
    std::vector<std::string> order;
    loop.add_reader(pipe.read_end, [&] { order.push_back("reader"); });
    ASSERT_EQ(write(pipe.write_end, "x", 1), 1);
    // Queued before the poll, so it runs first in the pass and removes the reader whose
    // readiness that same poll queued.
    loop.call_soon([&] {
        order.push_back("remover");
        loop.remove_reader(pipe.read_end);
    });
    loop.run_once();
    EXPECT_EQ(order, (std::vector<std::string>{"remover"}));
}

TEST(FdTest, ReaderAndWriterOnOneDescriptor) {
    EventLoop loop;
    int sockets[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sockets), 0);
    std::vector<std::string> seen;
    loop.add_writer(sockets[0], [&] {
        seen.push_back("writable");
        ASSERT_EQ(write(sockets[1], "y", 1), 1);
        loop.remove_writer(sockets[0]);
    });
    loop.add_reader(sockets[0], [&] {
        seen.push_back("readable");
        loop.remove_reader(sockets[0]);
        loop.stop();
    });
    loop.run_forever();
    EXPECT_EQ(seen, (std::vector<std::string>{"writable", "readable"}));
    close(sockets[0]);
    close(sockets[1]);
}

}  // namespace
}  // namespace loopscope
