#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace loopscope::script {

// Where CPython 3.12's own library would be installed (Debian's and Ubuntu's path). Loopscope's
// asyncio is native code with no source file, but some of CPython's messages name one: an
// ImportError names the module's file, a Task repr the file of its done-callback. They name
// these paths so that the messages read as CPython's do.
inline constexpr std::string_view kCPythonLibrary = "/usr/lib/python3.12";

// "/usr/lib/python3.12/asyncio/base_events.py" for "asyncio/base_events.py".
inline std::string cpython_library_file(std::string_view relative) {
    std::string path(kCPythonLibrary);
    path += '/';
    path += relative;
    return path;
}

// The file CPython 3.12's module of that name is loaded from, for the native modules that are
// .py files there ("asyncio" -> ".../asyncio/__init__.py"); nothing for those built into
// CPython (time, sys, math), whose messages say "unknown location".
inline std::optional<std::string> cpython_module_file(std::string_view module) {
    if (module == "asyncio" || module == "collections") {
        return cpython_library_file(std::string(module) + "/__init__.py");
    }
    if (module == "random" || module == "functools" || module == "typing") {
        return cpython_library_file(std::string(module) + ".py");
    }
    return std::nullopt;
}

}  // namespace loopscope::script
