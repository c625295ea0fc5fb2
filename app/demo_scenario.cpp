#include "demo_scenario.h"

#include <string>

#include "loop/event_loop.h"

namespace loopscope::app {

namespace {

constexpr int kTicksSharingADeadline = 8;
constexpr Nanos kHalfSecondTimer = milliseconds(500);
constexpr Nanos kTickDeadline = seconds(1);
constexpr Nanos kStopDeadline = milliseconds(1500);

}  // namespace

void schedule_demo(EventLoop& loop) {
    trace::Recorder& recorder = loop.recorder();
    const Nanos start = loop.time();
    // Most callbacks do nothing themselves: that they ran, and when, is what the trace shows.
    const Callback nothing = [] {};

    const trace::Label greet_again = recorder.intern("greet_again()");
    loop.call_soon([&loop, nothing, greet_again] { loop.call_soon(nothing, greet_again); },
                   recorder.intern("greet()"));

    loop.call_later(kHalfSecondTimer, nothing, recorder.intern("half_second()"));

    for (int tick = 0; tick < kTicksSharingADeadline; ++tick) {
        const std::string label = "tick(" + std::to_string(tick) + ")";
        loop.call_at(start + kTickDeadline, nothing, recorder.intern(label));
    }

    const Callback stop = [&loop] { loop.stop(); };
    loop.call_at(start + kStopDeadline, stop, recorder.intern("loop.stop()"));
}

QString demo_python_source() {
    // Keep in step with schedule_demo above.
    return QStringLiteral(
        "def greet():\n"
        "    loop.call_soon(greet_again)\n"
        "\n"
        "start = loop.time()\n"
        "loop.call_soon(greet)\n"
        "loop.call_later(0.5, half_second)\n"
        "for i in range(8):\n"
        "    loop.call_at(start + 1.0, tick, i)\n"
        "loop.call_at(start + 1.5, loop.stop)\n"
        "loop.run_forever()");
}

}  // namespace loopscope::app
