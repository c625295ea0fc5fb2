#include "script/vm/interpreter.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/syntax/parser.h"
#include "script/vm/compiler.h"
#include "script/vm/disassembler.h"
#include "script/vm/traceback.h"
#include "script/vm/vm.h"

namespace loopscope::script {

Interpreter::Interpreter(Runtime& rt) : rt_(rt) {
    vm::vm_state(rt);
}

void Interpreter::add_module_search_path(std::string dir) {
    vm::vm_state(rt_).search_paths.push_back(std::move(dir));
}

int Interpreter::run_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        rt_.write_stderr("python3: can't open file '" + path +
                         "': [Errno 2] No such file or directory\n");
        return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    // CPython names the main script by its absolute path (tracebacks, warnings, __file__).
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    std::string filename = ec ? path : absolute.lexically_normal().string();
    return run_source(buffer.str(), filename);
}

int Interpreter::report_uncaught(Runtime& rt, const Value& exception) {
    if (is_instance(rt, exception, rt.types().SystemExit)) {
        Value code;
        if (!lookup_attr(rt, exception, "code", code))
            code = Value();
        if (code.is_none())
            return 0;
        if (code.is_int() || code.is_bool())
            return static_cast<int>(code.as_int() & 0xff);
        rt.write_stderr(to_str(rt, code) + "\n");
        return 1;
    }
    rt.write_stderr(vm::format_exception(rt, exception));
    // CPython ends itself with SIGINT after an uncaught KeyboardInterrupt: the shell sees 130.
    if (is_instance(rt, exception, rt.types().KeyboardInterrupt)) {
        return kExitStopped;
    }
    return 1;
}

// As CPython's shutdown does, the main module's globals are released when the script ends, so
// objects that warn when destroyed (a coroutine never awaited) do it now, with no frame running.
void Interpreter::clear_main_module(ModuleObject& module) {
    std::vector<Value> values;
    module.dict.for_each([&](const std::string&, const Value& v) { values.push_back(v); });
    try {
        module.dict.clear();
        values.clear();
    } catch (...) {
    }
}

int Interpreter::run_source(std::string_view source, const std::string& filename) {
    vm::VmState& vm = vm::vm_state(rt_);
    vm.sources[filename] = std::string(source);
    vm.limit_hit = false;
    vm.stop_hit = false;
    vm.instructions = 0;
    ParseOutcome parsed = parse_module(source, filename);
    if (!parsed.module) {
        rt_.write_stderr(format_syntax_error(*parsed.error));
        return 1;
    }
    vm::CompileOutcome compiled = vm::compile_module(rt_, *parsed.module, filename, source);
    if (!compiled.code) {
        rt_.write_stderr(format_syntax_error(*compiled.error));
        return 1;
    }
    if (std::getenv("LOOPSCOPE_DISASSEMBLE"))
        std::fputs(vm::disassemble(*compiled.code).c_str(), stderr);
    Ref<ModuleObject> module = make_module(rt_, "__main__", filename);
    rt_.modules()["__main__"] = Value(module);
    int code = 0;
    try {
        vm::run_module(rt_, compiled.code, *module);
    } catch (ScriptError& e) {
        if (!vm.limit_hit && !vm.stop_hit)
            code = report_uncaught(rt_, e.exception);
    } catch (vm::InstructionLimitExceeded&) {
    } catch (vm::ScriptStopped&) {
    }
    if (!vm.limit_hit && !vm.stop_hit)
        clear_main_module(*module);
    if (vm.limit_hit) {
        std::string message = vm::instruction_limit_message(vm.limit);
        if (instruction_limit_handler_)
            instruction_limit_handler_(message);
        else
            rt_.write_stderr(message + "\n");
        return kExitInstructionLimit;
    }
    if (vm.stop_hit)
        return kExitStopped;
    return code;
}

}  // namespace loopscope::script
