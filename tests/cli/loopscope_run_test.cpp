// loopscope-run end to end: options, exit codes (docs/SCRIPTS.md) and the exporters' output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace loopscope {
namespace {

namespace fs = std::filesystem;

struct RunOutput {
    std::string out;  // stdout and stderr, merged
    int code = -1;
};

// Runs loopscope-run with `arguments` (a shell-quoted string), stderr merged into stdout.
RunOutput loopscope_run(const std::string& arguments) {
    const std::string command = std::string(LOOPSCOPE_RUN_PATH) + " " + arguments + " 2>&1";
    RunOutput run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return run;
    }
    std::array<char, 4096> buffer{};
    std::size_t got = 0;
    while ((got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        run.out.append(buffer.data(), got);
    }
    const int status = pclose(pipe);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// A script in a fresh temporary file.
class Script {
public:
    explicit Script(const std::string& source) {
        path_ = fs::temp_directory_path() / ("loopscope_run_test_" + std::to_string(counter_++) +
                                             "_" + std::to_string(::getpid()) + ".py");
        std::ofstream(path_) << source;
    }
    ~Script() { fs::remove(path_); }
    std::string path() const { return path_.string(); }

private:
    static inline int counter_ = 0;
    fs::path path_;
};

const char* const kTwoTasks = R"(import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")

async def main():
    await asyncio.gather(worker("a", 0.2), worker("b", 0.1))

asyncio.run(main())
)";

TEST(LoopscopeRunTest, RunsAScriptOnTheVirtualClock) {
    Script script(kTwoTasks);
    const RunOutput run = loopscope_run(script.path());
    EXPECT_EQ(run.code, 0) << run.out;
    EXPECT_EQ(run.out, "b done\na done\n");
}

TEST(LoopscopeRunTest, RunsAScriptOnTheRealClock) {
    Script script(kTwoTasks);
    const RunOutput run = loopscope_run("--clock real --speed 10 " + script.path());
    EXPECT_EQ(run.code, 0) << run.out;
    EXPECT_EQ(run.out, "b done\na done\n");
}

TEST(LoopscopeRunTest, UsageErrorsExitWith2) {
    EXPECT_EQ(loopscope_run("").code, 2);
    EXPECT_EQ(loopscope_run("--clock sundial x.py").code, 2);
    EXPECT_EQ(loopscope_run("--speed 100 x.py").code, 2);
    const RunOutput missing = loopscope_run("/nonexistent/script.py");
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.out.find("cannot open"), std::string::npos) << missing.out;
    // A limit's typo says what a limit takes, in a line.
    const RunOutput typo = loopscope_run("--max-tasks 1O x.py");
    EXPECT_EQ(typo.code, 2);
    EXPECT_NE(typo.out.find("--max-tasks: expected a whole number, 0 or more (0: no limit), not "
                            "'1O'"),
              std::string::npos)
        << typo.out;
    EXPECT_EQ(loopscope_run("--max-memory -5 x.py").code, 2);
}

TEST(LoopscopeRunTest, HelpAndVersionExitWith0) {
    const RunOutput help = loopscope_run("--help");
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("--clock"), std::string::npos);
    const RunOutput version = loopscope_run("--version");
    EXPECT_EQ(version.code, 0);
    EXPECT_NE(version.out.find("loopscope-run"), std::string::npos);
}

TEST(LoopscopeRunTest, UncaughtExceptionsAndSysExitGiveTheirCodes) {
    Script failing("raise ValueError('boom')\n");
    const RunOutput failed = loopscope_run(failing.path());
    EXPECT_EQ(failed.code, 1);
    EXPECT_NE(failed.out.find("ValueError: boom"), std::string::npos) << failed.out;
    Script exiting("import sys\nsys.exit(7)\n");
    EXPECT_EQ(loopscope_run(exiting.path()).code, 7);
}

TEST(LoopscopeRunTest, ADeadlockExitsWith3) {
    Script script(R"(import asyncio

async def main():
    await asyncio.Event().wait()

asyncio.run(main())
)");
    const RunOutput run = loopscope_run(script.path());
    EXPECT_EQ(run.code, 3);
    EXPECT_NE(run.out.find("deadlock"), std::string::npos) << run.out;
}

TEST(LoopscopeRunTest, TheInstructionLimitExitsWith4) {
    Script script("while True:\n    pass\n");
    const RunOutput run = loopscope_run("--max-instructions 100000 " + script.path());
    EXPECT_EQ(run.code, 4) << run.out;
}

// The limit met inside a task or a loop callback ends the whole script, not just that task: no
// "Task exception was never retrieved", no RuntimeError, only the limit's message.
TEST(LoopscopeRunTest, TheInstructionLimitInsideATaskOrCallbackExitsWith4) {
    const char* const sources[] = {
        "import asyncio\n"
        "async def spin():\n    while True:\n        pass\n"
        "async def main():\n    asyncio.create_task(spin())\n    await asyncio.sleep(1)\n"
        "    print('never')\n"
        "asyncio.run(main())\n",
        "import asyncio\n"
        "async def main():\n    try:\n        while True:\n            pass\n"
        "    finally:\n        print('finally')\n"
        "asyncio.run(main())\n",
        "import asyncio\n"
        "def spin():\n    while True:\n        pass\n"
        "async def main():\n    asyncio.get_running_loop().call_soon(spin)\n"
        "    await asyncio.sleep(1)\n    print('never')\n"
        "asyncio.run(main())\n",
        "import asyncio\n"
        "def spin(f):\n    while True:\n        pass\n"
        "async def main():\n    fut = asyncio.get_running_loop().create_future()\n"
        "    fut.add_done_callback(spin)\n    fut.set_result(1)\n"
        "    await asyncio.sleep(1)\n    print('never')\n"
        "asyncio.run(main())\n",
        "import asyncio\n"
        "async def numbers():\n    try:\n        yield 1\n        yield 2\n"
        "    finally:\n        while True:\n            pass\n"
        "async def main():\n    async for n in numbers():\n        break\n"
        "    await asyncio.sleep(1)\n    print('never')\n"
        "asyncio.run(main())\n",
    };
    for (const char* source : sources) {
        Script script(source);
        const RunOutput run = loopscope_run("--max-instructions 100000 " + script.path());
        EXPECT_EQ(run.code, 4) << run.out;
        EXPECT_EQ(run.out.rfind("Loopscope stopped the script: it ran more than 100000 "
                                "instructions without finishing",
                                0),
                  0u)
            << run.out;
        EXPECT_EQ(run.out.find("never"), std::string::npos) << run.out;
        EXPECT_EQ(run.out.find("RuntimeError"), std::string::npos) << run.out;
    }
}

TEST(LoopscopeRunTest, TheMemoryLimitExitsWith4) {
#if defined(__SANITIZE_ADDRESS__)
    // The limit is RLIMIT_AS, and AddressSanitizer reserves terabytes of address space for its
    // shadow memory: under it, no address-space limit can be honoured.
    GTEST_SKIP() << "an address-space limit cannot apply under AddressSanitizer";
#endif
    Script script("x = []\nwhile True:\n    x.append([0] * 100000)\n");
    const RunOutput run = loopscope_run("--max-memory 50 " + script.path());
    EXPECT_EQ(run.code, 4) << run.out;
    EXPECT_NE(run.out.find("more than 50 MB"), std::string::npos) << run.out;
}

TEST(LoopscopeRunTest, TheTaskLimitExitsWith4) {
    Script script(R"(import asyncio

async def nothing():
    pass

async def main():
    for i in range(100):
        asyncio.create_task(nothing())

asyncio.run(main())
)");
    const RunOutput run = loopscope_run("--max-tasks 10 " + script.path());
    EXPECT_EQ(run.code, 4) << run.out;
}

TEST(LoopscopeRunTest, WritesTheTraceAndPrintsEventsAndTimeline) {
    Script script(kTwoTasks);
    const fs::path trace = fs::temp_directory_path() / "loopscope_run_test_trace.json";
    const RunOutput run =
        loopscope_run("--events --timeline --trace " + trace.string() + " " + script.path());
    EXPECT_EQ(run.code, 0) << run.out;
    EXPECT_NE(run.out.find("--- events of asyncio.run #1 ---"), std::string::npos);
    EXPECT_NE(run.out.find("task-created task #"), std::string::npos);
    EXPECT_NE(run.out.find("script-output stdout 'b done\\n'"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("--- timeline of asyncio.run #1 ---"), std::string::npos);
    EXPECT_NE(run.out.find("Task-2 worker()"), std::string::npos);
    std::ifstream in(trace);
    std::stringstream json;
    json << in.rdbuf();
    EXPECT_EQ(json.str().rfind("{\"displayTimeUnit\"", 0), 0u);
    EXPECT_NE(json.str().find("\"name\":\"Task-3\""), std::string::npos);
    EXPECT_NE(json.str().find("]}"), std::string::npos);
    fs::remove(trace);
}

}  // namespace
}  // namespace loopscope
