#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "script/objects/object.h"

namespace loopscope::script {

class Runtime;
struct ModuleObject;

// Runs a script file the way `python3 script.py` does: parses it (a SyntaxError is printed as
// CPython prints it, exit code 1), compiles it, runs it as __main__, prints an uncaught
// exception's traceback on stderr (exit code 1; SystemExit gives its code and prints its
// message when it is a string) and returns the exit code. When the instruction budget
// (Runtime::limits.instructions) runs out it prints
//   "Loopscope stopped the script: it ran more than N instructions without finishing (line L)"
// on stderr and returns 4 (docs/SCRIPTS.md's exit codes).
class Interpreter {
public:
    explicit Interpreter(Runtime& rt);

    // Where `import name` looks for name.py after the importing script's own directory.
    void add_module_search_path(std::string dir);

    int run_file(const std::string& path);
    int run_source(std::string_view source, const std::string& filename);

    // Called instead of printing when the instruction budget runs out (the CLI may report it
    // its own way); receives the message above. The exit code stays 4.
    void set_instruction_limit_handler(std::function<void(const std::string& message)> handler) {
        instruction_limit_handler_ = std::move(handler);
    }

    static constexpr int kExitInstructionLimit = 4;
    static constexpr int kExitStopped = 130;

    // The exit code an uncaught exception gives (SystemExit's code, else 1), printing what
    // CPython prints for it on stderr. The asyncio host uses it too.
    static int report_uncaught(Runtime& rt, const Value& exception);

private:
    void clear_main_module(ModuleObject& module);

    Runtime& rt_;
    std::function<void(const std::string&)> instruction_limit_handler_;
};

}  // namespace loopscope::script
