// Reference balance of the VM: running a script must leave the builtin objects it touched with
// the counts they had before (a leaked reference keeps an object alive past the Runtime).

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

#include "script/objects/runtime.h"
#include "script/objects/type_object.h"
#include "script/vm/interpreter.h"

namespace loopscope::script {
namespace {

// The count of `type` before and after running `source` (whose names are cleared at the end).
std::pair<std::uint32_t, std::uint32_t> counts_around(std::string_view source,
                                                      TypeObject* (*type)(Runtime&)) {
    Runtime rt;
    std::string out;
    rt.set_stdout_sink([&](std::string_view s) { out += s; });
    rt.set_stderr_sink([&](std::string_view s) { out += s; });
    std::uint32_t before = type(rt)->refcount;
    Interpreter interpreter(rt);
    EXPECT_EQ(interpreter.run_source(source, "references.py"), 0) << out;
    return {before, type(rt)->refcount};
}

TypeObject* key_error(Runtime& rt) {
    return rt.types().KeyError.get();
}

TEST(References, ModuleLevelRaiseAndExceptReleasesTheException) {
    auto [before, after] = counts_around(
        "try:\n    raise KeyError(2)\nexcept KeyError:\n    pass\n"
        "try:\n    raise KeyError\nexcept Exception as e:\n    pass\n",
        key_error);
    EXPECT_EQ(before, after);
}

TEST(References, FunctionLevelRaiseAndExceptReleasesTheException) {
    auto [before, after] = counts_around(
        "def f():\n    try:\n        raise KeyError(2)\n    except KeyError:\n        pass\nf()\n"
        "del f\n",
        key_error);
    EXPECT_EQ(before, after);
}

}  // namespace
}  // namespace loopscope::script
