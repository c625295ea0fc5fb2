#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "loop/clock.h"

namespace loopscope {
class EventLoop;
}

namespace loopscope::app {

// What the engine asks of whoever runs a Python file for it (the interpreter, once wired in):
// to be told about each event loop the script's asyncio.run makes, on that loop's thread, so
// the engine can stream its trace and stop it.
//
// The interpreter's AsyncioObserver maps onto it: run_started -> loop_started, run_finished ->
// loop_finished, and iteration_done after each `loop.run_once()` of asyncio.run (the observer
// has no such hook yet). The engine only reads the loop's recorder (it never clears it), so the
// script layer may read it too (its deadlock report does).
class ScriptHooks {
public:
    virtual ~ScriptHooks() = default;
    // A loop starts (before its main task is created).
    virtual void loop_started(EventLoop& loop) = 0;
    // One iteration of it is over: the engine takes what was recorded. True when the run must
    // stop (a stop request, the event limit): set Runtime::stop_requested.
    virtual bool iteration_done(EventLoop& loop) = 0;
    // The loop is over, before it is destroyed: the engine takes the rest.
    virtual void loop_finished(EventLoop& loop) = 0;
    // The engine was asked to stop the run (for the runner to poll outside any loop).
    virtual bool stop_requested() const = 0;
    // What the script wrote outside any loop (before or after asyncio.run, or with none): it has
    // no event, but the console shows it. `stream`: 1 stdout, 2 stderr.
    virtual void untraced_output(int /*stream*/, std::string_view /*text*/) {}

    // Whether the engine shows `loop`'s trace (the first asyncio.run's); the output of a loop
    // it does not show goes to untraced_output instead.
    virtual bool streams(const EventLoop& /*loop*/) const { return true; }
    // Which clock the script's loops run on (live mode: the real one) and its speed.
    virtual ClockKind clock_kind() const { return ClockKind::Virtual; }
    virtual double clock_speed() const { return 1.0; }
    // Each loop's clock passes through here before the loop gets it (AsyncioObserver::
    // wrap_clock): the engine keeps a handle on a real clock to change its speed mid-run.
    virtual std::unique_ptr<Clock> wrap_clock(std::unique_ptr<Clock> clock) { return clock; }
};

// A script that ended with a non-zero exit code (docs/SCRIPTS.md: 1 uncaught exception or
// SyntaxError, 3 deadlock, 4 a limit). what() is the message to show (its line, the error);
// `line` the script's line it happened on (0 when unknown).
class ScriptFailure : public std::runtime_error {
public:
    ScriptFailure(const std::string& message, int exit_code, int line)
        : std::runtime_error(message), exit_code_(exit_code), line_(line) {}
    int exit_code() const { return exit_code_; }
    int line() const { return line_; }

private:
    int exit_code_;
    int line_;
};

// Runs the Python file at `path` to its end, calling `hooks` as above. Throws on failure; the
// exception's what() (e.g. the traceback's last line) becomes the run's error.
using ScriptRunner = std::function<void(const std::string& path, ScriptHooks& hooks)>;

}  // namespace loopscope::app
