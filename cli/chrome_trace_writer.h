#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "trace/recorder.h"

namespace loopscope::exporters {

// Writes runs of the event loop as Chrome's Trace Event Format (JSON), which Perfetto and
// chrome://tracing open. Free of CLI concerns so the app can reuse it.
//
// Layout, per run (one "process" per asyncio.run, pid = run number):
//   - tid 0, "event loop": a slice per loop iteration, blocking calls (time.sleep) as slices;
//   - one track per task (tid = task id, named by the task's name): its life is a sequence of
//     non-overlapping slices — "ready" (scheduled, waiting for its turn), a step slice named by
//     its coroutine, and "await <what>" while suspended;
//   - flow arrows: creator → created task, a task → the task it awaits, and whatever woke a
//     task (the running task, or the loop for timers) → its next step;
//   - counters for primitive values (queue depth, semaphore value, lock/event state);
//   - instant events: cancel requested / delivered, timeouts, script output;
//   - one track per executor worker with a slice per job.
//
// The virtual clock stamps many events with the same time (a run of sleep(0) takes no time at
// all), which would draw every step with zero width. Each event's timestamp is therefore
// max(its loop time, previous timestamp + 1 ns): order is kept, and the drift is at most one
// nanosecond per event of a same-time burst.
//
// Streaming: events are written as they are folded; nothing is kept but per-task state.
class ChromeTraceWriter {
public:
    explicit ChromeTraceWriter(std::ostream& out);
    ~ChromeTraceWriter();  // finishes the JSON document if finish() was not called
    ChromeTraceWriter(const ChromeTraceWriter&) = delete;
    ChromeTraceWriter& operator=(const ChromeTraceWriter&) = delete;

    // Appends one run (the events of one event loop) as process `run` named `title`.
    void write_run(const trace::Recorder& recorder, int run, std::string_view title);
    // Closes the JSON array and object. Idempotent.
    void finish();

private:
    enum class Phase : std::uint8_t { None, Ready, Step, Waiting };
    struct TaskTrack {
        Phase open = Phase::None;
        std::string pending_wait;  // "await timer #4", set by TaskWaiting during a step
        std::uint32_t coroutine = 0;
        std::vector<std::pair<std::uint64_t, const char*>>
            flows_in;  // (id, name) ending at its next step
    };

    void fold(const trace::Event& event, const trace::Recorder& recorder);
    void fold_task_event(const trace::Event& event, const trace::Recorder& recorder);
    void fold_other_event(const trace::Event& event, const trace::Recorder& recorder);
    std::uint64_t stamp(const trace::Event& event);

    void begin_slice(std::uint32_t tid, std::string_view name, std::string_view category);
    void end_slice(std::uint32_t tid);
    void close_open(std::uint32_t tid, TaskTrack& track);
    void open_phase(std::uint32_t tid, TaskTrack& track, Phase phase, std::string_view name);
    void instant(std::uint32_t tid, std::string_view name, std::string_view args_json = {});
    void complete(std::uint32_t tid, std::string_view name, std::uint64_t duration_ns);
    void counter(std::string_view name, std::int64_t value);
    void thread_name(std::uint32_t tid, std::string_view name, int sort_index);
    void flow_start(std::uint32_t tid, std::uint64_t id, std::string_view name);
    void flow_end(std::uint32_t tid, std::uint64_t id, std::string_view name);

    // Writes the common head `{"ph":"X","pid":..,"tid":..,"ts":..` of an event.
    void head(char phase, std::uint32_t tid);
    void separator();

    std::ostream& out_;
    bool first_ = true;
    bool finished_ = false;
    int pid_ = 1;
    std::uint64_t now_ns_ = 0;  // the current event's (nudged) timestamp
    std::uint64_t last_ns_ = 0;
    std::uint64_t next_flow_ = 1;
    bool iteration_open_ = false;
    std::uint32_t running_task_ = 0;
    std::unordered_map<std::uint32_t, TaskTrack> tasks_;
    std::unordered_map<std::uint32_t, std::string> primitive_names_;
    std::unordered_map<std::uint32_t, std::uint32_t> job_workers_;
    std::unordered_map<std::uint32_t, bool> named_workers_;
};

// Escapes `text` for a JSON string literal (without the quotes).
std::string json_escape(std::string_view text);

}  // namespace loopscope::exporters
