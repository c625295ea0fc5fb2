// The Interpreter's limits: the instruction budget (exit code 4 and its message), the recursion
// limit (a RecursionError, never a C++ stack overflow) and stop requests.

#include <gtest/gtest.h>

#include <string>

#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"

namespace loopscope::script {
namespace {

struct Outcome {
    std::string out;
    std::string err;
    int code = 0;
};

Outcome run(std::string_view source, std::int64_t instructions = 0, int recursion = 1000) {
    Outcome r;
    Runtime rt;
    rt.limits.instructions = instructions;
    rt.limits.recursion = recursion;
    rt.set_stdout_sink([&](std::string_view s) { r.out += s; });
    rt.set_stderr_sink([&](std::string_view s) { r.err += s; });
    Interpreter interpreter(rt);
    r.code = interpreter.run_source(source, "limits.py");
    return r;
}

TEST(InstructionBudget, StopsAnEndlessLoopWithExitCode4) {
    Outcome r = run("x = 0\nwhile True:\n    x += 1\n", 100000);
    EXPECT_EQ(r.code, Interpreter::kExitInstructionLimit);
    EXPECT_NE(r.err.find("Loopscope stopped the script: it ran more than 100000 instructions "
                         "without finishing (line "),
              std::string::npos)
        << r.err;
}

TEST(InstructionBudget, ScriptsCannotCatchIt) {
    Outcome r = run(
        "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n", 50000);
    EXPECT_EQ(r.code, Interpreter::kExitInstructionLimit);
    EXPECT_EQ(r.out, "");
}

TEST(InstructionBudget, ZeroMeansNoLimit) {
    Outcome r = run("t = 0\nfor i in range(100000):\n    t += i\nprint(t)\n");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "4999950000\n");
}

TEST(RecursionLimit, DeepRecursionRaisesRecursionError) {
    Outcome r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("RecursionError: maximum recursion depth exceeded"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("[Previous line repeated"), std::string::npos);
}

TEST(RecursionLimit, NativeToPythonRecursionIsCountedToo) {
    Outcome r = run("class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())\n");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("RecursionError"), std::string::npos) << r.err;
}

TEST(RecursionLimit, TheDepthFollowsTheRuntimeLimit) {
    Outcome r =
        run("import_depth = 0\ndef f(n):\n    try:\n        return f(n + 1)\n    except "
            "RecursionError:\n        return n\nprint(f(0) < 60)\n",
            0, 60);
    EXPECT_EQ(r.out, "True\n") << r.err;
}

TEST(Exit, SyntaxErrorsPrintCPythonsReportAndExit1) {
    Outcome r = run("def f(:\n    pass\n");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("SyntaxError"), std::string::npos) << r.err;
}

TEST(Exit, SystemExitGivesItsCode) {
    EXPECT_EQ(run("raise SystemExit(7)\n").code, 7);
    EXPECT_EQ(run("raise SystemExit\n").code, 0);
    Outcome r = run("raise SystemExit('bye')\n");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err, "bye\n");
}

}  // namespace
}  // namespace loopscope::script
