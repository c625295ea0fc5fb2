// Scripts where CPython would hang forever: Loopscope stops them, explains who waits on what,
// and exits with code 3 (docs/SCRIPTS.md). There is no CPython recording to compare with.

#include <gtest/gtest.h>

#include <string>

#include "script/modules/script_modules.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"

namespace loopscope::script {
namespace {

struct Outcome {
    std::string out;
    std::string err;
    int code = 0;
};

Outcome run_source(const std::string& source) {
    Outcome outcome;
    Runtime rt;
    rt.set_stdout_sink([&](std::string_view s) { outcome.out += s; });
    rt.set_stderr_sink([&](std::string_view s) { outcome.err += s; });
    register_script_modules(rt);
    Interpreter interpreter(rt);
    outcome.code = interpreter.run_source(source, "deadlock.py");
    return outcome;
}

TEST(DeadlockTest, AnEventNobodySetsStopsTheRunWithCode3) {
    const Outcome outcome = run_source(R"(import asyncio

async def main():
    print("waiting")
    await asyncio.Event().wait()
    print("never")

asyncio.run(main())
)");
    EXPECT_EQ(outcome.code, 3);
    EXPECT_EQ(outcome.out, "waiting\n");
    EXPECT_NE(outcome.err.find("deadlock"), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("Task-1 main() at deadlock.py:5 waits on event"), std::string::npos)
        << outcome.err;
    EXPECT_NE(outcome.err.find("never set"), std::string::npos) << outcome.err;
}

TEST(DeadlockTest, TwoTasksWaitingOnEachOthersLocksAreNamed) {
    const Outcome outcome = run_source(R"(import asyncio

async def take(first, second, name):
    async with first:
        await asyncio.sleep(0.01)
        async with second:
            print(name, "got both")

async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(take(a, b, "x"), take(b, a, "y"))

asyncio.run(main())
)");
    EXPECT_EQ(outcome.code, 3);
    EXPECT_NE(outcome.err.find("Task-2 take() at deadlock.py:6 waits on lock"), std::string::npos)
        << outcome.err;
    EXPECT_NE(outcome.err.find("held by Task-3"), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("Task-1 main() at deadlock.py:11 waits on gather"),
              std::string::npos)
        << outcome.err;
}

TEST(DeadlockTest, AFinishedMainTaskIsNoDeadlock) {
    const Outcome outcome = run_source(R"(import asyncio

async def forever():
    await asyncio.Event().wait()

async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
)");
    EXPECT_EQ(outcome.code, 0) << outcome.err;
    EXPECT_EQ(outcome.out, "main done\n");
}

TEST(TaskLimitTest, TooManyTasksStopTheScriptWithCode4) {
    Outcome outcome;
    Runtime rt;
    rt.limits.tasks = 10;
    rt.set_stdout_sink([&](std::string_view s) { outcome.out += s; });
    rt.set_stderr_sink([&](std::string_view s) { outcome.err += s; });
    register_script_modules(rt);
    Interpreter interpreter(rt);
    outcome.code = interpreter.run_source(R"(import asyncio

async def nothing():
    pass

async def main():
    for i in range(100):
        asyncio.create_task(nothing())

asyncio.run(main())
)",
                                          "limit.py");
    EXPECT_EQ(outcome.code, 4);
    EXPECT_NE(outcome.err.find("created more than 10 tasks"), std::string::npos) << outcome.err;
}

}  // namespace
}  // namespace loopscope::script
