// loopscope-run: runs a Python script on Loopscope's interpreter and event loop, headless.
// Exit codes: docs/SCRIPTS.md (0 ok, 1 uncaught exception, 2 usage, 3 deadlock, 4 limit).
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#if defined(LOOPSCOPE_HAS_MIMALLOC)
#include <mimalloc.h>
#endif
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ascii_timeline.h"
#include "chrome_trace_writer.h"
#include "event_log_printer.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/script_modules.h"
#include "script/objects/default_limits.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"
#include "script/vm/vm.h"

#ifndef LOOPSCOPE_VERSION
#define LOOPSCOPE_VERSION "0.0.0"
#endif

namespace {

using loopscope::ClockKind;
using loopscope::EventLoop;
namespace script = loopscope::script;
namespace exporters = loopscope::exporters;

constexpr int kExitUsage = 2;
constexpr int kExitLimit = 4;

// The Runtime's stop flag, for the SIGINT handler (Ctrl-C stops the script as in CPython).
std::atomic<bool>* stop_flag = nullptr;

void on_interrupt(int) {
    if (stop_flag != nullptr) {
        stop_flag->store(true);
    }
}

// --max-memory: the address space is capped at what the process uses before the script runs
// plus the limit; an allocation beyond it ends the run with exit code 4. The handler may not
// allocate, so it writes with write(2) and leaves with _exit.
std::size_t memory_limit_mb = 0;
// The script's runtime while it runs, so that the message can name the line that allocated
// (reading the VM's current frame allocates nothing).
script::Runtime* running_runtime = nullptr;

void on_out_of_memory() {
    const int line = running_runtime != nullptr ? script::vm::current_line(*running_runtime) : 0;
    char message[160];
    const int length =
        line > 0 ? std::snprintf(message, sizeof message,
                                 "Loopscope stopped the script: it used more than %zu MB of "
                                 "memory (line %d)\n",
                                 memory_limit_mb, line)
                 : std::snprintf(message, sizeof message,
                                 "Loopscope stopped the script: it used more than %zu MB of "
                                 "memory\n",
                                 memory_limit_mb);
    if (length > 0) {
        (void)!::write(2, message, static_cast<std::size_t>(length));
    }
    std::_Exit(kExitLimit);
}

#if defined(LOOPSCOPE_HAS_MIMALLOC)
// mimalloc reports a failed allocation here first, then aborts instead of calling the new
// handler: under the limit, out of memory is the limit.
void on_allocator_error(int error, void*) {
    if (error == ENOMEM && memory_limit_mb > 0) {
        on_out_of_memory();
    }
}
#endif

// Not every allocation goes through operator new's handler: the trace's chunks come from
// aligned_alloc, whose failure is thrown as std::bad_alloc, often where nothing can catch it.
// Under the memory limit that is the limit too, not a crash.
void on_terminate() {
    if (memory_limit_mb > 0) {
        if (const std::exception_ptr error = std::current_exception()) {
            try {
                std::rethrow_exception(error);
            } catch (const std::bad_alloc&) {
                on_out_of_memory();
            } catch (...) {
            }
        }
    }
    std::abort();
}

// AddressSanitizer reserves terabytes of shadow memory, and its allocator reports exhaustion
// itself: an address-space cap cannot work there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSpaceLimitWorks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSpaceLimitWorks = false;
#else
constexpr bool kAddressSpaceLimitWorks = true;
#endif
#else
constexpr bool kAddressSpaceLimitWorks = true;
#endif

std::size_t current_address_space_bytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmSize:", 0) == 0) {
            return static_cast<std::size_t>(std::stoull(line.substr(7))) * 1024;
        }
    }
    return 0;
}

void limit_memory(std::int64_t megabytes) {
    if (megabytes <= 0 || !kAddressSpaceLimitWorks) {
        return;
    }
    memory_limit_mb = static_cast<std::size_t>(megabytes);
    // Room for the executor's thread stacks and the trace's chunks on top of the script's data.
    constexpr std::size_t kSlack = std::size_t{128} << 20;
    const std::size_t limit =
        current_address_space_bytes() + kSlack + static_cast<std::size_t>(megabytes) * (1u << 20);
    rlimit cap{limit, limit};
    ::setrlimit(RLIMIT_AS, &cap);
    std::set_new_handler(on_out_of_memory);
    std::set_terminate(on_terminate);
#if defined(LOOPSCOPE_HAS_MIMALLOC)
    mi_register_error(on_allocator_error, nullptr);
#endif
}

struct RunOptions {
    std::string script;
    std::vector<std::string> script_args;
    std::string clock = "virtual";
    double speed = 1.0;
    std::string trace_file;
    bool events = false;
    bool timeline = false;
    // On by default (docs/LIMITS.md): a runaway script stops with a message; 0 turns one off.
    std::int64_t max_instructions = script::DefaultLimits::kInstructions;
    std::int64_t max_tasks = script::DefaultLimits::kTasks;
    std::int64_t max_memory_mb = script::DefaultLimits::kMemoryMegabytes;
    std::int64_t max_events = script::DefaultLimits::kTraceEvents;
    int recursion_limit = script::DefaultLimits::kRecursion;
};

// Where the script's output goes: straight through to our stdout/stderr, in the order it was
// written (stdout is flushed before anything goes to stderr), and into the trace.
void install_output(script::Runtime& rt, bool real_clock) {
    rt.set_stdout_sink([&rt, real_clock](std::string_view text) {
        std::cout << text;
        if (real_clock) {
            std::cout.flush();
        }
        script::record_script_output(rt, 1, text);
    });
    rt.set_stderr_sink([&rt](std::string_view text) {
        std::cout.flush();
        std::cerr << text;
        std::cerr.flush();
        script::record_script_output(rt, 2, text);
    });
}

int run(const RunOptions& options) {
    {
        std::ifstream probe(options.script);
        if (!probe) {
            std::cerr << "loopscope-run: error: cannot open '" << options.script
                      << "': " << std::strerror(errno) << "\n";
            return kExitUsage;
        }
    }
    std::unique_ptr<std::ofstream> trace_stream;
    std::unique_ptr<exporters::ChromeTraceWriter> trace_writer;
    if (!options.trace_file.empty()) {
        trace_stream = std::make_unique<std::ofstream>(options.trace_file);
        if (!*trace_stream) {
            std::cerr << "loopscope-run: error: cannot write '" << options.trace_file
                      << "': " << std::strerror(errno) << "\n";
            return kExitUsage;
        }
        trace_writer = std::make_unique<exporters::ChromeTraceWriter>(*trace_stream);
    }

    int exit_code = 0;
    {
        script::Runtime rt;
        stop_flag = &rt.stop_requested;
        running_runtime = &rt;
        std::signal(SIGINT, on_interrupt);
        limit_memory(options.max_memory_mb);
        rt.limits.recursion = options.recursion_limit;
        rt.limits.instructions = options.max_instructions;
        rt.limits.tasks = options.max_tasks;
        rt.limits.trace_events = options.max_events;
        rt.limits.memory_bytes = options.max_memory_mb * 1024 * 1024;
        const bool real_clock = options.clock == "real";
        install_output(rt, real_clock);
        script::register_script_modules(rt);

        script::AsyncioState& asyncio = script::asyncio_state(rt);
        asyncio.options.clock = real_clock ? ClockKind::Real : ClockKind::Virtual;
        asyncio.options.speed = options.speed;
        asyncio.options.argv.assign(1, options.script);
        asyncio.options.argv.insert(asyncio.options.argv.end(), options.script_args.begin(),
                                    options.script_args.end());
        asyncio.observer.run_finished = [&](EventLoop& loop, int run_number) {
            loop.recorder().merge_from_threads();
            const std::string title = "asyncio.run #" + std::to_string(run_number);
            if (trace_writer) {
                trace_writer->write_run(loop.recorder(), run_number, title);
            }
            if (options.events || options.timeline) {
                std::cout.flush();
            }
            if (options.events) {
                std::cout << "--- events of " << title << " ---\n";
                exporters::EventLogPrinter(loop.recorder()).print_all(std::cout);
            }
            if (options.timeline) {
                std::cout << "--- timeline of " << title << " ---\n";
                exporters::print_ascii_timeline(loop.recorder(), std::cout);
            }
            std::cout.flush();
        };

        script::Interpreter interpreter(rt);
        exit_code = interpreter.run_file(options.script);
        std::cout.flush();
        stop_flag = nullptr;
        running_runtime = nullptr;
    }
    if (trace_writer) {
        trace_writer->finish();
    }
    return exit_code;
}

}  // namespace

// A limit's value: a whole number, 0 or more. (CLI11's NonNegativeNumber would answer a typo
// with the largest double in full.)
const CLI::Validator kLimitValue(
    [](const std::string& text) -> std::string {
        std::size_t used = 0;
        bool whole = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        if (whole) {
            try {
                static_cast<void>(std::stoll(text, &used));
            } catch (const std::out_of_range&) {
                whole = false;
            }
        }
        return whole && used == text.size()
                   ? std::string()
                   : "expected a whole number, 0 or more (0: no limit), not '" + text + "'";
    },
    "COUNT");

int main(int argc, char** argv) {
    CLI::App app{"Runs a Python 3.12 asyncio script on Loopscope's interpreter and event loop.",
                 "loopscope-run"};
    RunOptions options;
    app.set_version_flag("--version", "loopscope-run " LOOPSCOPE_VERSION);
    app.add_option("script", options.script, "The Python script to run")->required();
    app.add_option("args", options.script_args, "Arguments for the script (sys.argv[1:])");
    app.add_option("--clock", options.clock,
                   "virtual: waits take no real time (default); real: waits are real")
        ->check(CLI::IsMember({"virtual", "real"}));
    app.add_option("--speed", options.speed, "Speed of the real clock (0.1 to 10)")
        ->check(CLI::Range(0.1, 10.0));
    app.add_option("--trace", options.trace_file,
                   "Write the trace as Chrome Trace Event JSON (opens in Perfetto)");
    app.add_flag("--events", options.events, "Print the event log after each asyncio.run");
    app.add_flag("--timeline", options.timeline,
                 "Print an ASCII timeline of the tasks after each asyncio.run");
    app.add_option("--max-instructions", options.max_instructions,
                   "Stop the script after N instructions (exit code 4; 0: no limit)")
        ->capture_default_str()
        ->check(kLimitValue);
    app.add_option("--max-tasks", options.max_tasks,
                   "Stop the script when it creates more than N tasks (exit code 4; 0: no limit)")
        ->capture_default_str()
        ->check(kLimitValue);
    app.add_option("--max-events", options.max_events,
                   "Stop the script when one asyncio.run records more than N trace events "
                   "(exit code 4; 0: no limit)")
        ->capture_default_str()
        ->check(kLimitValue);
    app.add_option("--max-memory", options.max_memory_mb,
                   "Memory limit in MB (exit code 4; 0: no limit; none under AddressSanitizer)")
        ->capture_default_str()
        ->check(kLimitValue);
    app.add_option("--recursion-limit", options.recursion_limit,
                   "Python's recursion limit (default 1000)")
        ->check(CLI::Range(1, 1000000));
    app.positionals_at_end(true);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "loopscope-run: error: " << e.what() << "\n"
                  << "Run with --help for usage.\n";
        return kExitUsage;
    }
    return run(options);
}
