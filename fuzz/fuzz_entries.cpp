#include "fuzz_entries.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <string>
#include <system_error>

#include "allocation_cap.h"
#include "run_watchdog.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/script_modules.h"
#include "script/objects/runtime.h"
#include "script/syntax/ast_dump.h"
#include "script/syntax/parser.h"
#include "script/vm/compiler.h"
#include "script/vm/interpreter.h"

namespace loopscope::fuzz {

namespace {

namespace script = loopscope::script;

// Small enough that one input runs in milliseconds (libFuzzer's speed is what finds bugs), big
// enough for the lessons in the seed corpus to reach their asyncio.run.
struct ExecutionLimits {
    static constexpr std::int64_t kInstructions = 200'000;
    static constexpr std::int64_t kTasks = 200;
    static constexpr int kRecursion = 200;
    // Allocations beyond this throw std::bad_alloc (AllocationCap), as past loopscope-run
    // --max-memory=64; the script is stopped (RunWatchdog) after this wall time, far above what
    // 200,000 instructions need, so that only a native operation that runs for seconds reaches it.
    static constexpr std::int64_t kMemoryBytes = std::int64_t{64} << 20;
    static constexpr std::chrono::milliseconds kWallTime{3000};
};

// `import x` looks next to the importing file first: the fuzzed script "lives" in an empty
// directory of its own, so it can import only the native modules, never a file of this machine.
const std::string& script_path() {
    static const std::string path = [] {
        std::error_code ec;
        std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
        if (ec) {
            dir = "/tmp";
        }
        dir /= "loopscope-fuzz-empty";
        std::filesystem::create_directories(dir, ec);
        return (dir / "fuzz_input.py").string();
    }();
    return path;
}

}  // namespace

void parse_bytes(std::string_view input) {
    script::ParseOutcome parsed = script::parse_module(input, "<fuzz>");
    if (parsed.error) {
        (void)script::format_syntax_error(*parsed.error);
    } else if (parsed.module) {
        (void)script::dump_ast(*parsed.module, true);
    }
}

void compile_bytes(std::string_view input) {
    script::ParseOutcome parsed = script::parse_module(input, "<fuzz>");
    if (!parsed.module) {
        return;
    }
    script::Runtime rt;
    script::vm::CompileOutcome compiled =
        script::vm::compile_module(rt, *parsed.module, "<fuzz>", input);
    if (compiled.error) {
        (void)script::format_syntax_error(*compiled.error);
    }
}

void execute_bytes(std::string_view input) {
    script::Runtime rt;
    rt.limits.instructions = ExecutionLimits::kInstructions;
    rt.limits.tasks = ExecutionLimits::kTasks;
    rt.limits.recursion = ExecutionLimits::kRecursion;
    rt.limits.memory_bytes = ExecutionLimits::kMemoryBytes;
    rt.set_stdout_sink([](std::string_view) {});
    rt.set_stderr_sink([](std::string_view) {});
    script::register_script_modules(rt);
    script::AsyncioState& asyncio = script::asyncio_state(rt);
    asyncio.options.clock = ClockKind::Virtual;
    asyncio.options.argv.assign(1, script_path());
    script::Interpreter interpreter(rt);
    interpreter.set_instruction_limit_handler([](const std::string&) {});
    const RunWatchdog watchdog(rt.stop_requested, ExecutionLimits::kWallTime);
    try {
        const AllocationCap cap(static_cast<std::size_t>(ExecutionLimits::kMemoryBytes));
        (void)interpreter.run_source(input, script_path());
    } catch (const std::bad_alloc&) {
        // Beyond the memory limit, and not caught as a MemoryError on the way: where
        // loopscope-run's new-handler ends the run with exit code 4.
    }
}

}  // namespace loopscope::fuzz
