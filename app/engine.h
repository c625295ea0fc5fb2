#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "live_speed_dial.h"
#include "scenario_source.h"
#include "script_hooks.h"
#include "trace_batch.h"
#include "trace_store.h"

namespace loopscope::trace {
struct Recording;
}

namespace loopscope::app {

// Runs a scenario on a worker thread, on an event loop with the virtual clock (or, in live mode,
// the real one: docs/CLOCKS.md), and hands the recorded trace to the GUI thread.
//
// Once per loop iteration the worker takes what the loop recorded into a pending batch (a
// built-in scenario's loop tells it through PollHookClock, a script's through ScriptHooks); a
// GUI-thread timer takes the pending batch once per frame and appends it (at most
// kEventsPerFrame events a frame) to the TraceStore, then emits traceGrew() once. So the GUI
// never waits on the run (the lock is held for a swap), and a million events cost sixty
// signals a second, not a million. A stop request is seen at the next iteration: the loop
// stops, asyncio.run's clean-up cancels what is left, and the run ends as "stopped".
class Engine : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString error READ error NOTIFY statusChanged)
    // The script's line the error happened on (0: none or unknown).
    Q_PROPERTY(int errorLine READ errorLine NOTIFY statusChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY traceGrew)
    Q_PROPERTY(QString scenarioName READ scenarioName NOTIFY runStarted)
    Q_PROPERTY(QString source READ source NOTIFY runStarted)
    // A script's lesson text (its module docstring: `# Title`, then Markdown); empty otherwise.
    Q_PROPERTY(QString lessonTitle READ lessonTitle NOTIFY runStarted)
    Q_PROPERTY(QString lessonText READ lessonText NOTIFY runStarted)
    Q_PROPERTY(bool isScript READ isScript NOTIFY runStarted)
    // The line the code pane opens at: the first code after a lesson's docstring (the lesson
    // pane shows the text), else 1.
    Q_PROPERTY(int codeFirstLine READ codeFirstLine NOTIFY runStarted)
    Q_PROPERTY(QVariantList scenarios READ scenarios CONSTANT)
    Q_PROPERTY(int eventLimit READ eventLimit CONSTANT)
    // Live mode: runs go on the real clock at `liveSpeed` (0.1x-10x), so waiting really waits,
    // threads really run and the trace arrives as it happens. Turning it on or off runs the
    // scenario again in that mode; turning the speed reaches a live run at once.
    Q_PROPERTY(bool live READ live WRITE setLive NOTIFY liveChanged)
    Q_PROPERTY(double liveSpeed READ liveSpeed WRITE setLiveSpeed NOTIFY liveSpeedChanged)
    // Whether the current (or last) run is on the real clock.
    Q_PROPERTY(bool liveRun READ liveRun NOTIFY runStarted)

public:
    // Who runs .py files (script_hooks.h); none until the interpreter is wired in, and then a
    // script run fails with "the Python interpreter is not available yet".
    static void set_script_runner(ScriptRunner runner);

    static constexpr std::size_t kEventLimit = 2'000'000;
    // At most this many events join the TraceStore per frame (a few milliseconds of folding),
    // so that a fast run never stalls the GUI; the rest wait for the next frames.
    static constexpr std::size_t kEventsPerFrame = 200'000;

    explicit Engine(QObject* parent = nullptr);
    ~Engine() override;

    // Starts a run, stopping the current one first.
    void run(const ScenarioSource& source);
    Q_INVOKABLE void runScenario(const QString& id) { run(ScenarioSource::builtin(id)); }
    Q_INVOKABLE void runScript(const QString& path) { run(ScenarioSource::script(path)); }
    Q_INVOKABLE void rerun() { run(source_); }
    // shows a saved run (recording_file.h) as if it had just run: the same trace, code
    // and console, without running anything. runStarted, traceGrew and runFinished follow.
    void show_recording(const trace::Recording& recording);
    // Asks the run to end; runFinished() follows once the worker has wound down.
    Q_INVOKABLE void stop();
    // Takes whatever the worker has recorded now, without waiting for the next frame.
    Q_INVOKABLE void deliver();
    // Blocks until the run is over and everything is delivered (tests, --screenshot).
    void wait_until_finished();
    // The same, but a run still going after `timeout` is stopped (a still picture of a script
    // that never ends: `--screenshot` of `while True: pass`). True if it finished by itself.
    bool wait_until_finished(std::chrono::milliseconds timeout);

    bool running() const { return running_; }
    QString status() const { return status_; }
    QString error() const { return error_; }
    int errorLine() const { return error_line_; }
    int eventCount() const { return static_cast<int>(store_.size()); }
    QString scenarioName() const { return source_.name; }
    QString source() const { return source_text_; }
    QString lessonTitle() const { return lesson_title_; }
    QString lessonText() const { return lesson_text_; }
    int codeFirstLine() const { return code_first_line_; }
    bool isScript() const { return source_.kind == ScenarioSource::Kind::Script; }
    QVariantList scenarios() const;
    int eventLimit() const { return static_cast<int>(kEventLimit); }
    bool live() const { return live_; }
    void setLive(bool live);
    double liveSpeed() const { return live_speed_; }
    void setLiveSpeed(double speed);
    bool liveRun() const { return live_run_; }

    const TraceStore& store() const { return store_; }

signals:
    void runStarted();
    void traceGrew();
    void runFinished();
    void runningChanged();
    void statusChanged();
    void liveChanged();
    void liveSpeedChanged();

private:
    // What the worker and the GUI share for one run. Only `pending`, `finished` and `error`
    // cross threads, under `mutex`; `stop` is polled by the worker.
    struct Channel {
        std::mutex mutex;
        TraceBatch pending;
        // Console text written outside any loop, after how many of the run's events.
        struct UntracedOutput {
            std::size_t after_events = 0;
            int stream = 1;
            std::string text;
        };
        std::vector<UntracedOutput> untraced;
        bool finished = false;
        std::string error;
        int error_line = 0;
        std::string outcome;  // "finished", "stopped", "failed", "limit"
        std::atomic<bool> stop{false};
        // Live runs only: the real clock's speed, turned from the GUI thread.
        bool live = false;
        LiveSpeedDial dial{1.0};
    };

    class Stream;
    static void work(Channel& channel, ScenarioSource source);
    static void run_builtin(Stream& stream, const std::string& id, Channel& channel);
    void join_worker();
    // Sets the lesson title and text and the code pane's first line from source_text_.
    void read_lesson_text();
    // Moves the untraced console text whose events are all in the store into it; true if any.
    bool add_untraced_output();
    void set_status(QString status, QString error, int error_line = 0);

    TraceStore store_;
    TraceBatch backlog_;                             // taken from the worker, not yet in the store
    std::size_t backlog_next_ = 0;                   // backlog_.events before it are in the store
    std::vector<Channel::UntracedOutput> untraced_;  // taken, not yet in the store
    std::unique_ptr<Channel> channel_;
    std::thread worker_;
    QTimer frame_timer_;
    ScenarioSource source_;
    QString source_text_;
    QString status_ = QStringLiteral("idle");
    QString error_;
    int error_line_ = 0;
    QString lesson_title_;
    QString lesson_text_;
    int code_first_line_ = 1;
    bool running_ = false;
    bool live_ = false;
    double live_speed_ = 1.0;
    bool live_run_ = false;
};

}  // namespace loopscope::app
