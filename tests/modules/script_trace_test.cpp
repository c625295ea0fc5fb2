// What a script run leaves in the trace besides the scheduler's own events: where each task's
// coroutine stands when it suspends (TaskLine) and what it printed (ScriptOutput), so the app
// can put a marker in the code pane and seek the console.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "loop/event_loop.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/script_modules.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"

namespace loopscope::script {
namespace {

struct Recorded {
    trace::EventKind kind;
    std::uint32_t subject;
    std::string text;
    std::int64_t value;
};

struct TracedScript : ::testing::Test {
    std::vector<Recorded> events;
    std::string out;
    int runs = 0;

    int run(const std::string& source) {
        Runtime rt;
        rt.set_stdout_sink([&](std::string_view s) {
            out += s;
            record_script_output(rt, 1, s);
        });
        rt.set_stderr_sink([&](std::string_view s) { record_script_output(rt, 2, s); });
        register_script_modules(rt);
        asyncio_state(rt).observer.run_finished = [&](EventLoop& loop, int run_number) {
            runs = run_number;
            for (const trace::Event& event : loop.recorder().events()) {
                if (event.kind == trace::EventKind::ScriptOutput ||
                    event.kind == trace::EventKind::TaskLine) {
                    events.push_back({event.kind, event.subject,
                                      std::string(loop.recorder().text(event.object)),
                                      event.value});
                }
            }
        };
        Interpreter interpreter(rt);
        return interpreter.run_source(source, "traced.py");
    }
};

TEST_F(TracedScript, PrintsInsideTasksAreScriptOutputEventsOfTheirTask) {
    ASSERT_EQ(run(R"(import asyncio

async def worker(name):
    print("hello from", name)
    await asyncio.sleep(0.1)

async def main():
    print("main starts")
    await asyncio.gather(worker("a"), worker("b"))

print("before the loop")
asyncio.run(main())
)"),
              0);
    EXPECT_EQ(runs, 1);
    std::vector<std::string> printed;
    std::vector<std::uint32_t> tasks;
    for (const Recorded& event : events) {
        if (event.kind == trace::EventKind::ScriptOutput) {
            printed.push_back(event.text);
            tasks.push_back(event.subject);
            EXPECT_EQ(event.value, 1);
        }
    }
    // print() writes its text and its end separately; "before the loop" has no loop to go to.
    std::string joined;
    for (const std::string& piece : printed) {
        joined += piece;
    }
    EXPECT_EQ(joined, "main starts\nhello from a\nhello from b\n");
    EXPECT_EQ(out, "before the loop\nmain starts\nhello from a\nhello from b\n");
    ASSERT_FALSE(tasks.empty());
    EXPECT_NE(tasks.front(), 0u);            // inside Task-1
    EXPECT_NE(tasks.back(), tasks.front());  // b's own task
}

TEST_F(TracedScript, EachSuspensionRecordsTheLineTheTaskWaitsAt) {
    ASSERT_EQ(run(R"(import asyncio

async def main():
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)

asyncio.run(main())
)"),
              0);
    std::vector<std::int64_t> lines;
    for (const Recorded& event : events) {
        if (event.kind == trace::EventKind::TaskLine) {
            EXPECT_EQ(event.text, "traced.py");
            lines.push_back(event.value);
        }
    }
    EXPECT_EQ(lines, (std::vector<std::int64_t>{4, 5}));
}

}  // namespace
}  // namespace loopscope::script

namespace loopscope::script {
namespace {

TEST(AsyncioObserverTest, IterationDoneSeesEveryIterationAndCanStopTheRun) {
    Runtime rt;
    std::string err;
    rt.set_stdout_sink([](std::string_view) {});
    rt.set_stderr_sink([&](std::string_view s) { err += s; });
    register_script_modules(rt);
    int iterations = 0;
    bool wrapped = false;
    AsyncioState& state = asyncio_state(rt);
    state.observer.iteration_done = [&](EventLoop&) { return ++iterations == 50; };
    state.observer.wrap_clock = [&](std::unique_ptr<Clock> clock) {
        wrapped = true;
        return clock;
    };
    Interpreter interpreter(rt);
    const int code = interpreter.run_source(R"(import asyncio

async def forever():
    while True:
        await asyncio.sleep(1)

asyncio.run(forever())
)",
                                            "forever.py");
    EXPECT_NE(code, 0);
    EXPECT_EQ(iterations, 50);
    EXPECT_TRUE(wrapped);
}

}  // namespace
}  // namespace loopscope::script
