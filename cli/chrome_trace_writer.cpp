#include "chrome_trace_writer.h"

#include <algorithm>
#include <cstdio>

#include "async/future.h"
#include "trace/state_text.h"

namespace loopscope::exporters {

using trace::Event;
using trace::EventKind;

namespace {

// Executor workers get tracks after every task id a run is likely to use.
constexpr std::uint32_t kWorkerTrackBase = 1'000'000;

std::string await_name(std::int64_t kind, std::uint32_t object) {
    std::string name = "await ";
    name += trace::await_kind_name(static_cast<AwaitKind>(kind));
    name += " #";
    name += std::to_string(object);
    return name;
}

}  // namespace

std::string json_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '"':
                escaped += "\\\"";
                break;
            case '\\':
                escaped += "\\\\";
                break;
            case '\n':
                escaped += "\\n";
                break;
            case '\r':
                escaped += "\\r";
                break;
            case '\t':
                escaped += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x",
                                  static_cast<unsigned>(static_cast<unsigned char>(c)));
                    escaped += buffer;
                } else {
                    escaped += c;
                }
        }
    }
    return escaped;
}

ChromeTraceWriter::ChromeTraceWriter(std::ostream& out) : out_(out) {
    out_ << "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
}

ChromeTraceWriter::~ChromeTraceWriter() {
    finish();
}

void ChromeTraceWriter::finish() {
    if (finished_) {
        return;
    }
    finished_ = true;
    out_ << "\n]}\n";
    out_.flush();
}

void ChromeTraceWriter::write_run(const trace::Recorder& recorder, int run,
                                  std::string_view title) {
    pid_ = run;
    now_ns_ = 0;
    last_ns_ = 0;
    iteration_open_ = false;
    running_task_ = 0;
    tasks_.clear();
    primitive_names_.clear();
    job_workers_.clear();
    named_workers_.clear();

    separator();
    out_ << R"({"ph":"M","name":"process_name","pid":)" << pid_ << R"(,"args":{"name":")"
         << json_escape(title) << "\"}}";
    thread_name(0, "event loop", -1);

    bool first_event = true;
    for (const Event& event : recorder.events()) {
        if (first_event) {
            last_ns_ = static_cast<std::uint64_t>(std::max<Nanos>(event.time, 0));
            first_event = false;
        }
        now_ns_ = stamp(event);
        fold(event, recorder);
    }
    // A run cut short (deadlock, limit) leaves slices open: close them at the last stamp.
    now_ns_ = last_ns_ + 1;
    for (auto& [tid, track] : tasks_) {
        close_open(tid, track);
    }
    if (iteration_open_) {
        end_slice(0);
        iteration_open_ = false;
    }
    out_.flush();
}

std::uint64_t ChromeTraceWriter::stamp(const Event& event) {
    const auto time = static_cast<std::uint64_t>(std::max<Nanos>(event.time, 0));
    last_ns_ = std::max(time, last_ns_ + 1);
    return last_ns_;
}

void ChromeTraceWriter::fold(const Event& event, const trace::Recorder& recorder) {
    if (event.kind >= EventKind::TaskCreated && event.kind <= EventKind::FutureDone) {
        fold_task_event(event, recorder);
    } else {
        fold_other_event(event, recorder);
    }
}

void ChromeTraceWriter::fold_task_event(const Event& event, const trace::Recorder& recorder) {
    const std::uint32_t tid = event.subject;
    switch (event.kind) {
        case EventKind::TaskCreated: {
            TaskTrack& track = tasks_[tid];
            track.coroutine = static_cast<std::uint32_t>(event.value);
            if (event.object != 0 && tasks_.contains(event.object)) {
                const std::uint64_t flow = next_flow_++;
                flow_start(event.object, flow, "create");
                track.flows_in.emplace_back(flow, "create");
            }
            break;
        }
        case EventKind::TaskRenamed:
            thread_name(tid, recorder.text(static_cast<trace::Label>(event.value)),
                        static_cast<int>(tid));
            break;
        case EventKind::TaskReady: {
            auto found = tasks_.find(tid);
            if (found == tasks_.end()) {
                break;
            }
            TaskTrack& track = found->second;
            if (track.open == Phase::Step) {
                // Scheduled from inside its own step (sleep(0), a cancelled sleep): ready
                // once the step is over.
                track.pending_wait.clear();
                track.pending_wait = "ready";
                break;
            }
            if (track.open == Phase::Ready) {
                break;
            }
            const auto reason = static_cast<trace::WakeReason>(event.value);
            if (reason == trace::WakeReason::FutureDone || reason == trace::WakeReason::Error) {
                const std::uint64_t flow = next_flow_++;
                if (running_task_ != 0 && running_task_ != tid) {
                    flow_start(running_task_, flow, "wake");
                    track.flows_in.emplace_back(flow, "wake");
                } else if (running_task_ == 0 && iteration_open_) {
                    flow_start(0, flow, "wake");
                    track.flows_in.emplace_back(flow, "wake");
                }
            }
            open_phase(tid, track, Phase::Ready, "ready");
            break;
        }
        case EventKind::TaskStepBegin: {
            TaskTrack& track = tasks_[tid];
            running_task_ = tid;
            const std::string_view coroutine = recorder.text(track.coroutine);
            open_phase(tid, track, Phase::Step, coroutine.empty() ? "step" : coroutine);
            for (const auto& [flow, name] : track.flows_in) {
                flow_end(tid, flow, name);
            }
            track.flows_in.clear();
            break;
        }
        case EventKind::TaskWaiting: {
            auto found = tasks_.find(tid);
            if (found == tasks_.end()) {
                break;
            }
            found->second.pending_wait = await_name(event.value, event.object);
            if (event.object != tid && tasks_.contains(event.object)) {
                const std::uint64_t flow = next_flow_++;
                flow_start(tid, flow, "await");
                flow_end(event.object, flow, "await");
            }
            break;
        }
        case EventKind::TaskStepEnd: {
            running_task_ = 0;
            auto found = tasks_.find(tid);
            if (found == tasks_.end()) {
                break;
            }
            TaskTrack& track = found->second;
            close_open(tid, track);
            if (track.pending_wait == "ready") {
                open_phase(tid, track, Phase::Ready, "ready");
            } else if (!track.pending_wait.empty()) {
                open_phase(tid, track, Phase::Waiting, track.pending_wait);
            }
            track.pending_wait.clear();
            break;
        }
        case EventKind::TaskDone:
        case EventKind::TaskCancelled:
        case EventKind::TaskFailed: {
            auto found = tasks_.find(tid);
            if (found != tasks_.end()) {
                close_open(tid, found->second);
                tasks_.erase(found);
            }
            const char* what = event.kind == EventKind::TaskDone        ? "done"
                               : event.kind == EventKind::TaskCancelled ? "cancelled"
                                                                        : "failed";
            std::string args;
            if (event.value != 0) {
                args = R"({"outcome":")" +
                       json_escape(recorder.text(static_cast<trace::Label>(event.value))) + "\"}";
            }
            instant(tid, what, args);
            break;
        }
        case EventKind::CancelRequested: {
            std::string args = R"({"requested_by":)" + std::to_string(event.object);
            if (event.value != 0) {
                args += R"(,"message":")" +
                        json_escape(recorder.text(static_cast<trace::Label>(event.value))) + "\"";
            }
            args += "}";
            instant(tid, "cancel requested", args);
            break;
        }
        case EventKind::CancelDelivered:
            instant(tid, "cancel delivered",
                    R"({"at":")" + await_name(event.value, event.object) + "\"}");
            break;
        case EventKind::Uncancelled:
            instant(tid, "uncancel", R"({"cancelling":)" + std::to_string(event.value) + "}");
            break;
        default:
            break;
    }
}

void ChromeTraceWriter::fold_other_event(const Event& event, const trace::Recorder& recorder) {
    switch (event.kind) {
        case EventKind::IterationBegin:
            if (iteration_open_) {
                end_slice(0);
            }
            begin_slice(0, "iteration " + std::to_string(event.iteration), "loop");
            iteration_open_ = true;
            break;
        case EventKind::LoopStopped:
        case EventKind::LoopClosed:
            if (iteration_open_) {
                end_slice(0);
                iteration_open_ = false;
            }
            break;
        case EventKind::LoopBlocked:
            complete(0, "blocked (time.sleep)", static_cast<std::uint64_t>(event.value));
            break;
        case EventKind::TimeoutExpired:
            instant(event.object != 0 ? event.object : 0, "timeout expired",
                    R"({"scope":)" + std::to_string(event.subject) + "}");
            break;
        case EventKind::PrimitiveCreated: {
            std::string name(trace::await_kind_name(static_cast<AwaitKind>(event.value)));
            name += " #" + std::to_string(event.subject);
            primitive_names_[event.subject] = std::move(name);
            break;
        }
        case EventKind::PrimitiveValue: {
            auto found = primitive_names_.find(event.subject);
            const std::string name = found != primitive_names_.end()
                                         ? found->second
                                         : "primitive #" + std::to_string(event.subject);
            counter(name, event.value);
            break;
        }
        case EventKind::JobStarted: {
            const std::uint32_t tid = kWorkerTrackBase + event.object;
            if (!named_workers_[event.object]) {
                named_workers_[event.object] = true;
                thread_name(tid, "executor worker " + std::to_string(event.object),
                            static_cast<int>(tid));
            }
            job_workers_[event.subject] = event.object;
            begin_slice(tid, "job #" + std::to_string(event.subject), "executor");
            break;
        }
        case EventKind::JobFinished: {
            if (job_workers_.erase(event.subject) != 0) {
                end_slice(kWorkerTrackBase + event.object);
            }
            break;
        }
        case EventKind::ScriptOutput: {
            const std::string_view text = recorder.text(event.object);
            instant(event.subject, event.value == 2 ? "stderr" : "stdout",
                    R"({"text":")" + json_escape(text) + "\"}");
            break;
        }
        default:
            break;
    }
}

void ChromeTraceWriter::close_open(std::uint32_t tid, TaskTrack& track) {
    if (track.open != Phase::None) {
        end_slice(tid);
        track.open = Phase::None;
    }
}

void ChromeTraceWriter::open_phase(std::uint32_t tid, TaskTrack& track, Phase phase,
                                   std::string_view name) {
    close_open(tid, track);
    const char* category = phase == Phase::Step      ? "step"
                           : phase == Phase::Waiting ? "waiting"
                                                     : "ready";
    begin_slice(tid, name, category);
    track.open = phase;
}

void ChromeTraceWriter::separator() {
    if (!first_) {
        out_ << ",\n";
    }
    first_ = false;
}

void ChromeTraceWriter::head(char phase, std::uint32_t tid) {
    separator();
    char ts[48];
    std::snprintf(ts, sizeof ts, "%llu.%03llu", static_cast<unsigned long long>(now_ns_ / 1000),
                  static_cast<unsigned long long>(now_ns_ % 1000));
    out_ << R"({"ph":")" << phase << R"(","pid":)" << pid_ << R"(,"tid":)" << tid << R"(,"ts":)"
         << ts;
}

void ChromeTraceWriter::begin_slice(std::uint32_t tid, std::string_view name,
                                    std::string_view category) {
    head('B', tid);
    out_ << R"(,"name":")" << json_escape(name) << R"(","cat":")" << category << "\"}";
}

void ChromeTraceWriter::end_slice(std::uint32_t tid) {
    head('E', tid);
    out_ << "}";
}

void ChromeTraceWriter::complete(std::uint32_t tid, std::string_view name,
                                 std::uint64_t duration_ns) {
    head('X', tid);
    char dur[48];
    std::snprintf(dur, sizeof dur, "%llu.%03llu",
                  static_cast<unsigned long long>(duration_ns / 1000),
                  static_cast<unsigned long long>(duration_ns % 1000));
    out_ << R"(,"dur":)" << dur << R"(,"name":")" << json_escape(name) << "\"}";
}

void ChromeTraceWriter::instant(std::uint32_t tid, std::string_view name,
                                std::string_view args_json) {
    head('i', tid);
    out_ << R"(,"s":"t","name":")" << json_escape(name) << "\"";
    if (!args_json.empty()) {
        out_ << R"(,"args":)" << args_json;
    }
    out_ << "}";
}

void ChromeTraceWriter::counter(std::string_view name, std::int64_t value) {
    head('C', 0);
    out_ << R"(,"name":")" << json_escape(name) << R"(","args":{"value":)" << value << "}}";
}

void ChromeTraceWriter::thread_name(std::uint32_t tid, std::string_view name, int sort_index) {
    separator();
    out_ << R"({"ph":"M","name":"thread_name","pid":)" << pid_ << R"(,"tid":)" << tid
         << R"(,"args":{"name":")" << json_escape(name) << "\"}}";
    separator();
    out_ << R"({"ph":"M","name":"thread_sort_index","pid":)" << pid_ << R"(,"tid":)" << tid
         << R"(,"args":{"sort_index":)" << sort_index << "}}";
}

void ChromeTraceWriter::flow_start(std::uint32_t tid, std::uint64_t id, std::string_view name) {
    head('s', tid);
    out_ << R"(,"id":)" << id << R"(,"cat":"flow","name":")" << name << "\"}";
}

void ChromeTraceWriter::flow_end(std::uint32_t tid, std::uint64_t id, std::string_view name) {
    head('f', tid);
    out_ << R"(,"id":)" << id << R"(,"bp":"e","cat":"flow","name":")" << name << "\"}";
}

}  // namespace loopscope::exporters
