// The Runtime and the APIs other layers build on: native modules, TypeBuilder, exception types,
// output sinks, argument parsing messages, teardown of cycles.

#include "core/script/objects/runtime.h"

#include <gtest/gtest.h>

#include <string>

#include "core/script/objects/dict.h"
#include "core/script/objects/errors.h"
#include "core/script/objects/list.h"
#include "core/script/objects/module.h"
#include "core/script/objects/native_function.h"
#include "core/script/objects/ops.h"
#include "core/script/objects/set.h"
#include "core/script/objects/str.h"
#include "core/script/objects/tuple.h"

namespace loopscope::script {
namespace {

std::string error_of(Runtime& rt, const std::function<void()>& f) {
    try {
        f();
    } catch (const ScriptError& error) {
        return exception_summary(rt, error.exception);
    }
    return "no error";
}

Value builtin(Runtime& rt, const char* name) {
    Value v;
    EXPECT_TRUE(rt.builtins().get(name, v)) << name;
    return v;
}

TEST(RuntimeTest, OutputGoesThroughSinks) {
    Runtime rt;
    std::string out, err;
    rt.set_stdout_sink([&](std::string_view text) { out += text; });
    rt.set_stderr_sink([&](std::string_view text) { err += text; });
    call(rt, builtin(rt, "print"), {make_str(rt, "hi"), Value::integer(3)});
    call_method(rt, rt.stderr_object(), "write", {make_str(rt, "oops\n")});
    EXPECT_EQ(out, "hi 3\n");
    EXPECT_EQ(err, "oops\n");
    EXPECT_EQ(repr(rt, rt.stdout_object()),
              "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
}

TEST(RuntimeTest, NativeModulesAreCreatedOnceAndCached) {
    Runtime rt;
    int created = 0;
    rt.register_native_module("demo", [&](Runtime& r) {
        ++created;
        Ref<ModuleObject> module = make_module(r, "demo");
        module->dict.set("answer", Value::integer(42));
        return Value(module);
    });
    EXPECT_TRUE(rt.import_native("missing").is_none());
    Value first = rt.import_native("demo");
    Value second = rt.import_native("demo");
    EXPECT_EQ(created, 1);
    EXPECT_TRUE(identical(first, second));
    EXPECT_EQ(get_attr(rt, first, "answer").as_int(), 42);
    EXPECT_EQ(repr(rt, first), "<module 'demo' (built-in)>");
    EXPECT_EQ(error_of(rt, [&] { get_attr(rt, first, "nope"); }),
              "AttributeError: module 'demo' has no attribute 'nope'");
}

struct Counter : Object {
    using Object::Object;
    std::int64_t count = 0;
};

TEST(RuntimeTest, TypeBuilderMakesNativeClasses) {
    Runtime rt;
    Ref<TypeObject> type = TypeBuilder(rt, "Counter", "demo")
                               .method("bump",
                                       [](Runtime&, const CallArgs& args) {
                                           return Value::integer(++args[0].as<Counter>()->count);
                                       })
                               .property("count",
                                         [](Runtime&, const Value& self) {
                                             return Value::integer(self.as<Counter>()->count);
                                         })
                               .build();
    type->slots.construct = [](Runtime&, TypeObject& t, const CallArgs&) {
        return Value(Ref<Counter>::make(&t));
    };
    Value counter = call(rt, type_value(*type), {});
    call_method(rt, counter, "bump", {});
    call_method(rt, counter, "bump", {});
    EXPECT_EQ(get_attr(rt, counter, "count").as_int(), 2);
    EXPECT_EQ(repr(rt, type_value(*type)), "<class 'demo.Counter'>");
    EXPECT_EQ(error_of(rt, [&] { set_attr(rt, counter, "count", Value::integer(1)); }),
              "AttributeError: attribute 'count' of 'demo.Counter' objects is not writable");
}

TEST(RuntimeTest, ExceptionTypesFromOtherModules) {
    Runtime rt;
    Ref<TypeObject> cancelled =
        make_exception_type(rt, "CancelledError", rt.types().BaseException, "asyncio.exceptions");
    Value e = make_exception(rt, *cancelled, std::vector<Value>{});
    EXPECT_EQ(repr(rt, type_value(*cancelled)), "<class 'asyncio.exceptions.CancelledError'>");
    EXPECT_EQ(repr(rt, e), "CancelledError()");
    EXPECT_EQ(exception_summary(rt, e), "asyncio.exceptions.CancelledError");
    EXPECT_EQ(exception_summary(rt, make_exception(rt, *cancelled, "stop")),
              "asyncio.exceptions.CancelledError: stop");
    EXPECT_FALSE(is_instance(rt, e, rt.types().Exception));
    EXPECT_EQ(exception_summary(rt, make_exception(rt, rt.types().KeyError,
                                                   std::vector<Value>{make_str(rt, "k")})),
              "KeyError: 'k'");
}

TEST(RuntimeTest, ExceptionGroupsSplitForExceptStar) {
    Runtime rt;
    Value group = make_exception_group(rt, "tasks",
                                       {make_exception(rt, rt.types().ValueError, "a"),
                                        make_exception(rt, rt.types().TypeError, "b")});
    EXPECT_EQ(exception_summary(rt, group), "ExceptionGroup: tasks (2 sub-exceptions)");
    ExceptionSplit split = split_exception_group(rt, group, rt.types().ValueError.value());
    EXPECT_EQ(repr(rt, split.match), "ExceptionGroup('tasks', [ValueError('a')])");
    EXPECT_EQ(repr(rt, split.rest), "ExceptionGroup('tasks', [TypeError('b')])");
    Value base = make_exception_group(
        rt, "mixed", {make_exception(rt, rt.types().KeyboardInterrupt, std::vector<Value>{})});
    EXPECT_EQ(type_name(rt, base), "BaseExceptionGroup");
}

TEST(RuntimeTest, ArgumentMessagesAreCPythons) {
    Runtime rt;
    Signature signature{"f", {"a", "b", "c"}, 2};
    std::vector<Value> one{Value::integer(1)};
    CallArgs args;
    args.positional = one;
    EXPECT_EQ(error_of(rt, [&] { parse_arguments(rt, args, signature); }),
              "TypeError: f() missing 1 required positional argument: 'b'");
    std::vector<Value> four(4, Value::integer(1));
    args.positional = four;
    EXPECT_EQ(error_of(rt, [&] { parse_arguments(rt, args, signature); }),
              "TypeError: f() takes from 2 to 3 positional arguments but 4 were given");
    std::vector<std::string_view> names{"z"};
    std::vector<Value> values{Value::integer(1)};
    args.positional = one;
    args.keyword_names = names;
    args.keyword_values = values;
    EXPECT_EQ(error_of(rt, [&] { parse_arguments(rt, args, signature); }),
              "TypeError: f() got an unexpected keyword argument 'z'");
    names = {"a"};
    EXPECT_EQ(error_of(rt, [&] { parse_arguments(rt, args, signature); }),
              "TypeError: f() got multiple values for argument 'a'");
}

TEST(RuntimeTest, UnsupportedBuiltinsSayWhy) {
    Runtime rt;
    EXPECT_EQ(error_of(rt, [&] { call(rt, builtin(rt, "open"), {make_str(rt, "f")}); }),
              "NotImplementedError: open() is not available in Loopscope scripts (no file access)");
    EXPECT_EQ(error_of(rt, [&] { call(rt, builtin(rt, "input"), {}); }),
              "NotImplementedError: input() is not available in Loopscope scripts (no keyboard "
              "input)");
}

TEST(RuntimeTest, ConstantSetDisplaysUseCPythonsOrder) {
    Runtime rt;
    std::vector<Value> items;
    for (int v : {-1, -2, 5, 100, 7}) {
        items.push_back(Value::integer(v));
    }
    // Recorded from CPython 3.12: print({-1, -2, 5, 100, 7}, set([-1, -2, 5, 100, 7])),
    // print({1, 9, 17, 25}), print({7, 15, 23, 31, 39}).
    EXPECT_EQ(repr(rt, make_set_from_constants(rt, items)), "{100, 5, -1, 7, -2}");
    EXPECT_EQ(repr(rt, make_set(rt, items)), "{100, 5, 7, -2, -1}");
    auto ints = [&](std::initializer_list<int> values) {
        std::vector<Value> out;
        for (int v : values) {
            out.push_back(Value::integer(v));
        }
        return out;
    };
    EXPECT_EQ(repr(rt, make_set_from_constants(rt, ints({1, 9, 17, 25}))), "{1, 17, 25, 9}");
    EXPECT_EQ(repr(rt, make_set_from_constants(rt, ints({7, 15, 23, 31, 39}))),
              "{23, 39, 7, 31, 15}");
}

TEST(RuntimeTest, TeardownFreesCycles) {
    auto rt = std::make_unique<Runtime>();
    Value list = make_list(*rt);
    list_items(list).push_back(list);
    Value dict = make_dict(*rt);
    dict_of(dict).set(*rt, make_str(*rt, "self"), dict);
    dict_of(dict).set(*rt, make_str(*rt, "list"), list);
    EXPECT_EQ(repr(*rt, list), "[[...]]");
    EXPECT_EQ(repr(*rt, dict), "{'self': {...}, 'list': [[...]]}");
    list = Value();
    dict = Value();
    rt.reset();  // ASan reports a leak if the cycles survive
}

}  // namespace
}  // namespace loopscope::script
