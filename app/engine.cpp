#include "engine.h"

#include <QFile>
#include <QVariantMap>
#include <algorithm>
#include <chrono>
#include <exception>
#include <utility>

#include "async/scheduler.h"
#include "demo_scenarios.h"
#include "lesson/lesson_file.h"
#include "loop/event_loop.h"
#include "loop/real_clock.h"
#include "loop/virtual_clock.h"
#include "poll_hook_clock.h"
#include "trace/recording.h"

namespace loopscope::app {

namespace {

using namespace std::chrono_literals;

// About one frame: the GUI takes what the worker recorded this often while a run goes on.
constexpr auto kFrameInterval = 16ms;

ScriptRunner& script_runner() {
    static ScriptRunner runner;
    return runner;
}

}  // namespace

void Engine::set_script_runner(ScriptRunner runner) {
    script_runner() = std::move(runner);
}

Engine::Engine(QObject* parent) : QObject(parent) {
    frame_timer_.setInterval(kFrameInterval);
    connect(&frame_timer_, &QTimer::timeout, this, &Engine::deliver);
}

Engine::~Engine() {
    if (channel_ != nullptr) {
        channel_->stop = true;
    }
    join_worker();
}

QVariantList Engine::scenarios() const {
    QVariantList list;
    for (const DemoScenario& scenario : demo_scenarios()) {
        list.append(QVariantMap{
            {QStringLiteral("id"),
             QString::fromUtf8(scenario.id.data(), static_cast<qsizetype>(scenario.id.size()))},
            {QStringLiteral("title"),
             QString::fromUtf8(scenario.title.data(),
                               static_cast<qsizetype>(scenario.title.size()))},
        });
    }
    return list;
}

void Engine::run(const ScenarioSource& source) {
    if (channel_ != nullptr) {
        channel_->stop = true;
        join_worker();
        channel_.reset();
    }
    backlog_ = TraceBatch{};
    backlog_next_ = 0;
    untraced_.clear();
    source_ = source;
    if (source.kind == ScenarioSource::Kind::Builtin) {
        const DemoScenario* scenario = find_demo_scenario(source.name.toStdString());
        source_text_ = scenario != nullptr
                           ? QString::fromUtf8(scenario->python.data(),
                                               static_cast<qsizetype>(scenario->python.size()))
                           : QString();
    } else {
        // The code pane shows the file as it is now (the run reads it again itself).
        QFile file(source.name);
        source_text_ = file.open(QIODevice::ReadOnly | QIODevice::Text)
                           ? QString::fromUtf8(file.readAll())
                           : QString();
    }
    read_lesson_text();
    store_.reset();
    live_run_ = live_;
    running_ = true;
    // runStarted first: the player goes back to the (now empty) trace's start on it, before any
    // binding that reads the playhead's time is re-evaluated for the status.
    emit runStarted();
    set_status(QStringLiteral("running"), {});
    emit runningChanged();
    emit traceGrew();

    channel_ = std::make_unique<Channel>();
    channel_->live = live_;
    channel_->dial.set_speed(live_speed_);
    worker_ = std::thread(&Engine::work, std::ref(*channel_), source);
    frame_timer_.start();
}

void Engine::setLive(bool live) {
    if (live == live_) {
        return;
    }
    live_ = live;
    emit liveChanged();
    // The same scenario again, in the mode just chosen.
    if (!source_.name.isEmpty()) {
        rerun();
    }
}

void Engine::setLiveSpeed(double speed) {
    speed = std::clamp(speed, RealClock::kMinSpeed, RealClock::kMaxSpeed);
    if (speed == live_speed_) {
        return;
    }
    live_speed_ = speed;
    if (channel_ != nullptr) {
        channel_->dial.set_speed(speed);
    }
    emit liveSpeedChanged();
}

// The lesson pane's title and text, and where the code pane opens, from source_text_.
void Engine::read_lesson_text() {
    lesson_title_.clear();
    lesson_text_.clear();
    code_first_line_ = 1;
    if (source_.kind == ScenarioSource::Kind::Script) {
        const lesson::LessonFile lesson = lesson::parse_lesson(source_text_.toStdString());
        lesson_title_ = QString::fromStdString(lesson.title);
        lesson_text_ = QString::fromStdString(lesson.text);
        if (!lesson.title.empty() && lesson.docstring_last_line > 0) {
            // The first line with code after the docstring.
            const QStringList lines = source_text_.split(QLatin1Char('\n'));
            int line = lesson.docstring_last_line + 1;
            while (line <= lines.size() && lines[line - 1].trimmed().isEmpty()) {
                ++line;
            }
            code_first_line_ = line <= lines.size() ? line : 1;
        }
    }
}

// ---- a saved recording (recording_file.h) replayed without running anything.
void Engine::show_recording(const trace::Recording& recording) {
    if (channel_ != nullptr) {
        channel_->stop = true;
        join_worker();
        channel_.reset();
    }
    frame_timer_.stop();
    backlog_ = TraceBatch{};
    backlog_next_ = 0;
    untraced_.clear();
    const QString name = QString::fromStdString(recording.name);
    source_ = recording.is_script ? ScenarioSource::script(name) : ScenarioSource::builtin(name);
    source_text_ = QString::fromStdString(recording.source);
    read_lesson_text();
    store_.reset();
    live_run_ = false;
    running_ = true;
    emit runStarted();  // before the status, as in run()
    set_status(QStringLiteral("running"), {});
    emit runningChanged();
    // The recorder's label 0 is the empty string already; the rest follow in order.
    TraceBatch batch;
    batch.strings.assign(recording.strings.begin() + (recording.strings.empty() ? 0 : 1),
                         recording.strings.end());
    batch.events = recording.events;
    store_.append(std::move(batch));
    for (const trace::Recording::UntracedOutput& output : recording.untraced) {
        store_.add_untraced_output(static_cast<std::size_t>(output.after_events), output.stream,
                                   output.text);
    }
    emit traceGrew();
    running_ = false;
    set_status(QString::fromStdString(recording.outcome), QString::fromStdString(recording.error),
               static_cast<int>(recording.error_line));
    emit runningChanged();
    emit runFinished();
}
// ---- end share

void Engine::stop() {
    if (channel_ != nullptr) {
        channel_->stop = true;
        // A live loop may be blocked in epoll_wait until a far timer: wake it to see the request.
        channel_->dial.wake();
    }
}

// The worker's side of a run: takes what the run's loop records, once per loop iteration, into
// the channel, and says when the run must stop. Built-in scenarios run on a loop of its making
// (whose recorder it clears as it goes); scripts tell it about their loops through ScriptHooks.
class Engine::Stream final : public ScriptHooks {
public:
    explicit Stream(Channel& channel) : channel_(channel) {}

    void loop_started(EventLoop& loop) override {
        // A script's second asyncio.run makes a loop that numbers everything from 1 again: its
        // trace goes on after the first one's, one run on the stage and the timeline.
        if (loops_++ > 0) {
            streamer_.continue_with_next_trace();
        }
        streamed_ = &loop;
    }
    bool iteration_done(EventLoop& loop) override {
        flush(loop, false);
        return must_stop();
    }
    void loop_finished(EventLoop& loop) override {
        flush(loop, false);
        if (&loop == streamed_) {
            streamed_ = nullptr;  // its address may come back as the next loop's
        }
    }
    bool stop_requested() const override { return channel_.stop.load(); }
    bool streams(const EventLoop& loop) const override { return &loop == streamed_; }
    ClockKind clock_kind() const override {
        return channel_.live ? ClockKind::Real : ClockKind::Virtual;
    }
    double clock_speed() const override { return channel_.dial.speed(); }
    std::unique_ptr<Clock> wrap_clock(std::unique_ptr<Clock> clock) override {
        // In live mode the script layer makes a RealClock (clock_kind above): the dial adopts
        // it, so that the speed can be turned while the run goes on.
        auto* real = dynamic_cast<RealClock*>(clock.get());
        if (real == nullptr) {
            return clock;
        }
        static_cast<void>(clock.release());
        return channel_.dial.adopt(std::unique_ptr<RealClock>(real));
    }
    void untraced_output(int stream, std::string_view text) override {
        const std::lock_guard lock(channel_.mutex);
        channel_.untraced.push_back({sent_, stream, std::string(text)});
    }

    // Takes what `loop` recorded (clearing its log when nobody else reads it).
    void flush(EventLoop& loop, bool clear) {
        if (&loop != streamed_) {
            return;
        }
        TraceBatch batch;
        if (clear) {
            streamer_.take_and_clear(loop.recorder(), batch);
        } else {
            streamer_.take(loop.recorder(), batch);
        }
        sent_ += batch.events.size();
        if (!batch.empty()) {
            const std::lock_guard lock(channel_.mutex);
            channel_.pending.append(std::move(batch));
        }
    }
    bool limit_reached() const { return sent_ >= kEventLimit; }
    bool must_stop() const { return limit_reached() || stop_requested(); }

private:
    Channel& channel_;
    TraceStreamer streamer_;
    // Atomic: executor threads print too, and ask streams() / read sent_ as they do.
    std::atomic<const EventLoop*> streamed_{nullptr};
    std::atomic<std::size_t> sent_{0};
    int loops_ = 0;
};

void Engine::work(Channel& channel, ScenarioSource source) {
    Stream stream(channel);
    std::string error;
    int error_line = 0;
    std::string outcome = "finished";
    try {
        if (source.kind == ScenarioSource::Kind::Script) {
            if (!script_runner()) {
                throw std::runtime_error("Cannot run " + source.name.toStdString() +
                                         ": the Python interpreter is not available yet. Pick a "
                                         "built-in scenario instead.");
            }
            script_runner()(source.name.toStdString(), stream);
        } else {
            run_builtin(stream, source.name.toStdString(), channel);
        }
    } catch (const ScriptFailure& failure) {
        // Exit code 4: the interpreter's own limits (instructions, tasks, memory).
        error = failure.what();
        error_line = failure.line();
        outcome = failure.exit_code() == 4 ? "limit" : "failed";
    } catch (const std::exception& failure) {
        error = failure.what();
        outcome = "failed";
    } catch (...) {
        error = "the run threw something that is not an exception";
        outcome = "failed";
    }
    // A stop request or the limit ends the loop early; asyncio.run's clean-up then says
    // "Event loop stopped before Future completed", which is not the learner's error.
    if (stream.limit_reached()) {
        outcome = "limit";
        error = "Stopped at the limit of " + std::to_string(kEventLimit) + " events.";
        error_line = 0;
    } else if (stream.stop_requested()) {
        outcome = "stopped";
        error.clear();
        error_line = 0;
    }
    const std::lock_guard lock(channel.mutex);
    channel.finished = true;
    channel.error = std::move(error);
    channel.error_line = error_line;
    channel.outcome = std::move(outcome);
}

void Engine::run_builtin(Stream& stream, const std::string& id, Channel& channel) {
    const DemoScenario* scenario = find_demo_scenario(id);
    if (scenario == nullptr) {
        throw std::runtime_error("No built-in scenario is called '" + id + "'.");
    }
    EventLoop* loop = nullptr;
    EventLoopOptions options;
    // Before each poll, on the loop thread: one batch per loop iteration, and the stop check.
    std::unique_ptr<Clock> clock =
        channel.live ? channel.dial.adopt(std::make_unique<RealClock>(channel.dial.speed()))
                     : std::make_unique<VirtualClock>();
    options.clock = std::make_unique<PollHookClock>(std::move(clock), [&] {
        stream.flush(*loop, true);
        if (stream.must_stop()) {
            loop->stop();
        }
    });
    EventLoop event_loop(std::move(options));
    loop = &event_loop;
    stream.loop_started(event_loop);
    std::exception_ptr failure;
    {
        Scheduler scheduler(event_loop);
        try {
            scenario->run(scheduler);
        } catch (...) {
            failure = std::current_exception();
        }
    }
    // The rest of the trace, the loop's closing included, whatever the scenario did.
    event_loop.close();
    stream.flush(event_loop, true);
    if (failure) {
        std::rethrow_exception(failure);
    }
}

void Engine::deliver() {
    if (channel_ == nullptr) {
        return;
    }
    bool finished = false;
    std::string error;
    int error_line = 0;
    std::string outcome;
    {
        const std::lock_guard lock(channel_->mutex);
        if (!channel_->pending.empty()) {
            backlog_.append(std::move(channel_->pending));
            channel_->pending = TraceBatch{};
        }
        for (Channel::UntracedOutput& output : channel_->untraced) {
            untraced_.push_back(std::move(output));
        }
        channel_->untraced.clear();
        finished = channel_->finished;
        error = channel_->error;
        error_line = channel_->error_line;
        outcome = channel_->outcome;
    }
    // Untraced console text goes in between the events it was written between: a frame's
    // worth of events goes in in slices that end where such text was written (between two
    // asyncio.run calls, say), and the text right after its slice.
    bool grew = add_untraced_output();
    std::size_t budget = kEventsPerFrame;
    while (budget > 0 && (backlog_next_ < backlog_.events.size() || !backlog_.strings.empty())) {
        // Strings first (the events may name any of them).
        TraceBatch slice;
        slice.strings = std::move(backlog_.strings);
        backlog_.strings.clear();
        std::size_t count = std::min(backlog_.events.size() - backlog_next_, budget);
        if (!untraced_.empty() && untraced_.front().after_events > store_.size()) {
            count = std::min(count, untraced_.front().after_events - store_.size());
        }
        const auto from = backlog_.events.begin() + static_cast<std::ptrdiff_t>(backlog_next_);
        slice.events.assign(from, from + static_cast<std::ptrdiff_t>(count));
        backlog_next_ += count;
        budget -= count;
        if (backlog_next_ == backlog_.events.size()) {
            backlog_ = TraceBatch{};
            backlog_next_ = 0;
        }
        store_.append(std::move(slice));
        add_untraced_output();
        grew = true;
        if (count == 0) {
            break;  // strings alone
        }
    }
    if (grew) {
        emit traceGrew();
    }
    // Over once the worker is done and everything it recorded is in the store.
    if (!finished || backlog_next_ != 0 || !backlog_.events.empty() || !untraced_.empty()) {
        return;
    }
    join_worker();
    channel_.reset();
    frame_timer_.stop();
    running_ = false;
    set_status(QString::fromStdString(outcome), QString::fromStdString(error), error_line);
    emit runningChanged();
    emit runFinished();
}

bool Engine::add_untraced_output() {
    std::size_t taken = 0;
    while (taken < untraced_.size() && untraced_[taken].after_events <= store_.size()) {
        const Channel::UntracedOutput& output = untraced_[taken];
        store_.add_untraced_output(output.after_events, output.stream, output.text);
        ++taken;
    }
    untraced_.erase(untraced_.begin(), untraced_.begin() + static_cast<std::ptrdiff_t>(taken));
    return taken > 0;
}

void Engine::wait_until_finished() {
    join_worker();
    while (running_) {
        deliver();
    }
}

bool Engine::wait_until_finished(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running_ && std::chrono::steady_clock::now() < deadline) {
        deliver();
        std::this_thread::sleep_for(kFrameInterval);
    }
    const bool finished = !running_;
    if (!finished) {
        stop();
    }
    wait_until_finished();
    return finished;
}

void Engine::join_worker() {
    if (worker_.joinable()) {
        worker_.join();
    }
}

void Engine::set_status(QString status, QString error, int error_line) {
    if (status == status_ && error == error_ && error_line == error_line_) {
        return;
    }
    status_ = std::move(status);
    error_ = std::move(error);
    error_line_ = error_line;
    emit statusChanged();
}

}  // namespace loopscope::app
