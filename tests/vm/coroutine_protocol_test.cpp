// Drives script coroutines through vm/coroutine.h the way the asyncio host does: a tiny native
// module `testhost` offers wait(n), a host awaitable; the test plays the host, answering each
// wait with n * 10 (or throwing an exception in).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "script/objects/errors.h"
#include "script/objects/module.h"
#include "script/objects/native_function.h"
#include "script/objects/ops.h"
#include "script/objects/runtime.h"
#include "script/objects/str.h"
#include "script/syntax/parser.h"
#include "script/vm/compiler.h"
#include "script/vm/coroutine.h"
#include "script/vm/vm.h"

namespace loopscope::script {
namespace {

struct WaitObject : Object {
    WaitObject(TypeObject* t, std::int64_t n_) : Object(t), n(n_) {}
    std::int64_t n;
};

class CoroutineProtocol : public ::testing::Test {
protected:
    CoroutineProtocol() {
        rt.set_stdout_sink([this](std::string_view s) { out += s; });
        rt.set_stderr_sink([this](std::string_view s) { err += s; });
        TypeBuilder builder(rt, "Wait", "testhost");
        builder.slots().host_awaitable = true;
        wait_type = builder.build();
        TypeObject* type = wait_type.get();
        rt.register_native_module("testhost", [type](Runtime& r) {
            Ref<ModuleObject> m = make_module(r, "testhost");
            m->dict.set("wait",
                        make_native_function(r, "wait", [type](Runtime&, const CallArgs& a) {
                            return Value(Ref<WaitObject>::make(type, a[0].as_int()));
                        }));
            return Value(m);
        });
    }

    // Runs the module source and returns its global `name` (a coroutine made by the script).
    Value run_and_get(const std::string& source, const std::string& name) {
        ParseOutcome parsed = parse_module(source, "test.py");
        EXPECT_TRUE(parsed.module) << (parsed.error ? parsed.error->message : "");
        vm::CompileOutcome compiled = vm::compile_module(rt, *parsed.module, "test.py", source);
        EXPECT_TRUE(compiled.code) << (compiled.error ? compiled.error->message : "");
        module = make_module(rt, "__main__", "test.py");
        vm::run_module(rt, compiled.code, *module);
        Value v;
        module->dict.get(name, v);
        return v;
    }

    Runtime rt;
    Ref<TypeObject> wait_type;
    Ref<ModuleObject> module;
    std::string out;
    std::string err;
};

TEST_F(CoroutineProtocol, AwaitsOfHostAwaitablesSuspendTheWholeChain) {
    Value coro = run_and_get(R"(
import testhost
async def inner(n):
    got = await testhost.wait(n)
    print("inner got", got)
    return got + 1
async def main():
    a = await inner(1)
    b = await testhost.wait(2)
    return a + b
c = main()
)",
                             "c");
    ASSERT_TRUE(is_coroutine(coro));
    CoroutineObject& co = *as_coroutine(coro);
    EXPECT_EQ(coroutine_qualname(co), "main");
    EXPECT_FALSE(coroutine_started(co));
    std::vector<std::int64_t> waits;
    Resumption r = resume(rt, co, Value());
    while (r.kind == Resumption::Kind::Awaiting) {
        std::int64_t n = r.value.as<WaitObject>()->n;
        waits.push_back(n);
        if (n == 1) {
            EXPECT_EQ(coroutine_current_line(co), 4);
        }
        r = resume(rt, co, Value::integer(n * 10));
    }
    EXPECT_EQ(waits, (std::vector<std::int64_t>{1, 2}));
    ASSERT_TRUE(r.value.is_int());
    EXPECT_EQ(r.value.as_int(), 11 + 20);
    EXPECT_EQ(out, "inner got 10\n");
    EXPECT_TRUE(coroutine_finished(co));
}

TEST_F(CoroutineProtocol, ThrowingInReachesTheInnermostAwait) {
    Value coro = run_and_get(R"(
import testhost
async def inner():
    try:
        await testhost.wait(5)
    except ValueError as e:
        print("inner caught", e)
        return "recovered"
async def main():
    return await inner()
c = main()
)",
                             "c");
    CoroutineObject& co = *as_coroutine(coro);
    Resumption r = resume(rt, co, Value());
    ASSERT_EQ(r.kind, Resumption::Kind::Awaiting);
    Value exc = make_exception(rt, rt.types().ValueError, "boom");
    r = resume_throw(rt, co, exc);
    ASSERT_EQ(r.kind, Resumption::Kind::Returned);
    EXPECT_EQ(std::string(str_view(r.value)), "recovered");
    EXPECT_EQ(out, "inner caught boom\n");
}

TEST_F(CoroutineProtocol, AnUncaughtExceptionLeavesAsScriptError) {
    Value coro = run_and_get(R"(
async def main():
    raise KeyError("k")
c = main()
)",
                             "c");
    CoroutineObject& co = *as_coroutine(coro);
    try {
        resume(rt, co, Value());
        FAIL() << "expected ScriptError";
    } catch (ScriptError& e) {
        EXPECT_EQ(exception_summary(rt, e.exception), "KeyError: 'k'");
    }
    EXPECT_TRUE(coroutine_finished(co));
}

TEST_F(CoroutineProtocol, CloseRunsFinallyBlocks) {
    Value coro = run_and_get(R"(
import testhost
async def main():
    try:
        await testhost.wait(1)
    finally:
        print("cleanup")
c = main()
)",
                             "c");
    CoroutineObject& co = *as_coroutine(coro);
    resume(rt, co, Value());
    close_coroutine(rt, co);
    EXPECT_EQ(out, "cleanup\n");
    EXPECT_TRUE(coroutine_finished(co));
}

TEST_F(CoroutineProtocol, AbandonedAsyncGeneratorsGoToTheFinalizerHook) {
    std::vector<Value> finalized;
    vm::vm_state(rt).async_generator_finalizer = [&](Runtime&, Value agen) {
        finalized.push_back(std::move(agen));
    };
    Value coro = run_and_get(R"(
async def ticks():
    try:
        yield 1
        yield 2
    finally:
        print("ticks finally")
async def main():
    async for t in ticks():
        print("tick", t)
        break
    print("after break")
c = main()
)",
                             "c");
    Resumption r = resume(rt, *as_coroutine(coro), Value());
    EXPECT_EQ(r.kind, Resumption::Kind::Returned);
    EXPECT_EQ(out, "tick 1\nafter break\n");
    ASSERT_EQ(finalized.size(), 1u);
    // What asyncio does with it: await agen.aclose() in a task.
    Value closer = run_and_get("async def close(agen):\n    await agen.aclose()\n", "close");
    Value closing = call(rt, closer, {finalized[0]});
    r = resume(rt, *as_coroutine(closing), Value());
    EXPECT_EQ(r.kind, Resumption::Kind::Returned);
    EXPECT_EQ(out, "tick 1\nafter break\nticks finally\n");
}

}  // namespace
}  // namespace loopscope::script
