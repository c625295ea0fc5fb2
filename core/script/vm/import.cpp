#include <filesystem>
#include <fstream>
#include <sstream>

#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/syntax/parser.h"
#include "script/vm/compiler.h"
#include "script/vm/vm.h"

namespace loopscope::script::vm {

namespace {

// Standard-library modules a lesson might reach for that Loopscope deliberately lacks.
bool is_sandboxed(std::string_view name) {
    static const char* const kNames[] = {
        "os",      "subprocess", "socket",          "pathlib",  "shutil", "requests",
        "aiohttp", "threading",  "multiprocessing", "io",       "urllib", "http",
        "ssl",     "select",     "signal",          "tempfile", "glob"};
    std::string_view top = name.substr(0, name.find('.'));
    for (const char* n : kNames)
        if (top == n)
            return true;
    return false;
}

[[noreturn]] void module_not_found(Runtime& rt, const std::string& name) {
    std::string message = "No module named '" + name + "'";
    if (is_sandboxed(name))
        message += " (Loopscope scripts have no file, network or process access)";
    Value exc = make_exception(rt, rt.types().ModuleNotFoundError, message);
    if (ExceptionObject* e = as_exception(rt, exc))
        e->dict.set("name", make_str(rt, name));
    throw ScriptError{exc};
}

// A SyntaxError in an imported module, with CPython's attributes (msg, filename, lineno,
// offset, text, end_lineno, end_offset): the traceback printer shows the module's line and
// caret from them, as CPython does, after the importing frames.
[[noreturn]] void imported_syntax_error(Runtime& rt, const SyntaxErrorInfo& error,
                                        const std::filesystem::path& file) {
    TypeObject& type =
        error.type == "SyntaxError" ? *rt.types().SyntaxError : *rt.types().IndentationError;
    Value exc = make_exception(rt, type,
                               error.message + " (" + file.filename().string() + ", line " +
                                   std::to_string(error.line) + ")");
    if (ExceptionObject* e = as_exception(rt, exc)) {
        e->dict.set("msg", make_str(rt, error.message));
        e->dict.set("filename", make_str(rt, error.filename));
        e->dict.set("lineno", Value::integer(error.line));
        e->dict.set("offset", Value::integer(error.offset));
        e->dict.set("text", make_str(rt, error.text));
        e->dict.set("end_lineno", Value::integer(error.end_line));
        e->dict.set("end_offset", Value::integer(error.end_offset));
    }
    throw ScriptError{exc};
}

}  // namespace

Value import_module(Runtime& rt, const std::string& name, const std::string& importer_file) {
    auto& modules = rt.modules();
    if (auto it = modules.find(name); it != modules.end())
        return it->second;
    Value native = rt.import_native(name);
    if (!native.is_none()) {
        modules[name] = native;
        return native;
    }
    if (is_sandboxed(name))
        module_not_found(rt, name);
    VmState& vm = vm_state(rt);
    namespace fs = std::filesystem;
    // `a.b`: the package `a` first (its __init__.py, or an empty namespace module for a plain
    // folder); the submodule then becomes its attribute `b`.
    Value parent;
    std::size_t dot = name.rfind('.');
    if (dot != std::string::npos)
        parent = import_module(rt, name.substr(0, dot), importer_file);
    std::vector<fs::path> dirs;
    dirs.push_back(fs::path(importer_file).parent_path());
    for (const auto& d : vm.search_paths)
        dirs.emplace_back(d);
    std::string relative = name;
    for (char& c : relative)
        if (c == '.')
            c = '/';
    auto bind_in_parent = [&](const Value& child) {
        if (is_module(rt, parent))
            static_cast<ModuleObject*>(parent.as_object())->dict.set(name.substr(dot + 1), child);
    };
    for (const auto& dir : dirs) {
        fs::path base = dir.empty() ? fs::path(".") : dir;
        fs::path candidate = base / (relative + ".py");
        std::error_code ec;
        bool package = false;
        if (!fs::is_regular_file(candidate, ec)) {
            if (!fs::is_directory(base / relative, ec))
                continue;
            candidate = base / relative / "__init__.py";
            package = true;
            if (!fs::is_regular_file(candidate, ec)) {
                Ref<ModuleObject> namespace_module = make_module(rt, name);
                Value value(namespace_module);
                modules[name] = value;
                bind_in_parent(value);
                return value;
            }
        }
        std::ifstream in(candidate, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string source = buffer.str();
        std::string path = candidate.lexically_normal().string();
        vm.sources[path] = source;
        ParseOutcome parsed = parse_module(source, path);
        if (!parsed.module)
            imported_syntax_error(rt, *parsed.error, candidate);
        CompileOutcome compiled = compile_module(rt, *parsed.module, path, source);
        if (!compiled.code)
            imported_syntax_error(rt, *compiled.error, candidate);
        Ref<ModuleObject> module = make_module(rt, name, path);
        Value value(module);
        modules[name] = value;
        (void)package;
        try {
            run_module(rt, compiled.code, *module);
        } catch (...) {
            modules.erase(name);
            throw;
        }
        bind_in_parent(value);
        return value;
    }
    module_not_found(rt, name);
}

}  // namespace loopscope::script::vm
