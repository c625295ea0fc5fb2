// The sys module: the streams, exit, argv, version and platform scripts look at.
#include "script/modules/asyncio_state.h"
#include "script/objects/errors.h"
#include "script/objects/list.h"
#include "script/objects/module.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/objects/tuple.h"

namespace loopscope::script {

namespace {

// sys.version_info: a tuple (3, 12, 1, 'final', 0) whose fields also have names, as CPython's
// struct sequence: version_info >= (3, 11) and version_info.major both work.
constexpr const char* kVersionFields[] = {"major", "minor", "micro", "releaselevel", "serial"};

Value make_version_info(Runtime& rt) {
    TypeBuilder builder(rt, "version_info", "sys");
    builder.base(*rt.types().tuple);
    for (std::size_t i = 0; i < std::size(kVersionFields); ++i) {
        builder.property(kVersionFields[i],
                         [i](Runtime&, const Value& self) { return tuple_items(self)[i]; });
    }
    builder.slots().repr = [](Runtime& r, const Value& self) {
        std::string text = "sys.version_info(";
        const std::vector<Value>& items = tuple_items(self);
        for (std::size_t i = 0; i < items.size() && i < std::size(kVersionFields); ++i) {
            text += std::string(i ? ", " : "") + kVersionFields[i] + "=" + repr(r, items[i]);
        }
        return text + ")";
    };
    Ref<TypeObject> type = builder.build();
    Value info = make_tuple(rt, {Value::integer(3), Value::integer(12), Value::integer(1),
                                 make_str(rt, "final"), Value::integer(0)});
    // A tuple of the named type: every tuple behaviour (compare, index, slice, len) is the same.
    info.as_object()->type = type.get();
    return info;
}

}  // namespace

Value make_sys_module(Runtime& rt) {
    Ref<ModuleObject> module = make_module(rt, "sys");
    auto& dict = module->dict;
    dict.set("stdout", rt.stdout_object());
    dict.set("stderr", rt.stderr_object());
    dict.set("__stdout__", rt.stdout_object());
    dict.set("__stderr__", rt.stderr_object());
    dict.set("exit", make_native_function(rt, "exit", [](Runtime& r, const CallArgs& a) -> Value {
                 expect_between(r, a, "exit", 0, 1);
                 std::vector<Value> args;
                 if (a.size() == 1) {
                     args.push_back(a[0]);
                 }
                 throw ScriptError{make_exception(r, *r.types().SystemExit, std::move(args))};
             }));
    std::vector<Value> argv;
    for (const std::string& arg : asyncio_state(rt).options.argv) {
        argv.push_back(make_str(rt, arg));
    }
    dict.set("argv", make_list(rt, std::move(argv)));
    dict.set("version_info", make_version_info(rt));
    dict.set("version", make_str(rt, "3.12.1 (Loopscope)"));
    dict.set("platform", make_str(rt, "linux"));
    dict.set("byteorder", make_str(rt, "little"));
    dict.set("maxsize", Value::integer(INT64_MAX));
    dict.set("executable", make_str(rt, ""));
    dict.set("path", make_list(rt));
    dict.set("getrecursionlimit",
             make_native_function(rt, "getrecursionlimit", [](Runtime& r, const CallArgs& a) {
                 expect_exactly(r, a, "getrecursionlimit", 0);
                 return Value::integer(r.limits.recursion);
             }));
    dict.set("setrecursionlimit",
             make_native_function(rt, "setrecursionlimit", [](Runtime& r, const CallArgs& a) {
                 expect_exactly(r, a, "setrecursionlimit", 1);
                 const std::int64_t limit = to_index(r, a[0]);
                 if (limit < 1) {
                     raise_error(r, r.types().ValueError,
                                 "recursion limit must be greater or equal than 1");
                 }
                 r.limits.recursion = static_cast<int>(std::min<std::int64_t>(limit, 1'000'000));
                 return Value();
             }));
    return Value(module);
}

}  // namespace loopscope::script
