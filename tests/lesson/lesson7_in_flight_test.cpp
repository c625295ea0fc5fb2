// Lesson 7 promises that Semaphore(10) keeps at most ten of its 500 requests in flight. The
// trace decides it: a request is in flight while its task waits on its response's timer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_set>

#include "async/future.h"
#include "script/modules/asyncio_state.h"
#include "script/modules/script_modules.h"
#include "script/objects/runtime.h"
#include "script/vm/interpreter.h"
#include "trace/recorder.h"

namespace loopscope::lesson {
namespace {

struct InFlight {
    std::size_t most = 0;
    std::size_t tasks_created = 0;
};

// The largest number of tasks waiting on a timer at once, from the events alone.
InFlight requests_in_flight(const trace::Recorder& recorder) {
    InFlight result;
    std::unordered_set<std::uint32_t> waiting_on_timer;
    for (const trace::Event& event : recorder.events()) {
        switch (event.kind) {
            case trace::EventKind::TaskCreated:
                ++result.tasks_created;
                break;
            case trace::EventKind::TaskWaiting:
                if (static_cast<AwaitKind>(event.value) == AwaitKind::Timer) {
                    waiting_on_timer.insert(event.subject);
                    result.most = std::max(result.most, waiting_on_timer.size());
                } else {
                    waiting_on_timer.erase(event.subject);
                }
                break;
            case trace::EventKind::TaskReady:
            case trace::EventKind::TaskDone:
            case trace::EventKind::TaskCancelled:
            case trace::EventKind::TaskFailed:
                waiting_on_timer.erase(event.subject);
                break;
            default:
                break;
        }
    }
    return result;
}

TEST(LessonSevenTest, NeverMoreThanTenRequestsInFlight) {
    const std::filesystem::path lesson = std::filesystem::path(LOOPSCOPE_TEST_DATA) / ".." /
                                         "lessons" / "07_limiting_concurrency.py";
    script::Runtime rt;
    std::string out;
    rt.set_stdout_sink([&](std::string_view text) { out += text; });
    rt.set_stderr_sink([](std::string_view) {});
    script::register_script_modules(rt);
    InFlight in_flight;
    script::asyncio_state(rt).observer.run_finished = [&](EventLoop& loop, int) {
        in_flight = requests_in_flight(loop.recorder());
    };
    script::Interpreter interpreter(rt);
    ASSERT_EQ(interpreter.run_file(std::filesystem::absolute(lesson).string()), 0) << out;

    EXPECT_GE(in_flight.tasks_created, 501u) << "main and one task per request";
    EXPECT_EQ(in_flight.most, 10u) << "the semaphore's ten permits, all used, never more";
    EXPECT_NE(out.find("peak requests in flight: 10"), std::string::npos) << out;
}

}  // namespace
}  // namespace loopscope::lesson
