#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <cstddef>
#include <string>

class QQuickWindow;

namespace loopscope::app {

class Player;
class Engine;
class TimelineItem;
class TraceStore;

// `loopscope --benchmark`: measures how smoothly the window draws, prints the figures as one
// line of JSON on stdout and quits.
//
// While it measures, the window is asked for a new frame after every frame it shows (as during
// an animation), so the frame rate is what the renderer can sustain, not how often the scene
// happens to change. A frame's time is the interval between two `frameSwapped` signals.
//
// - Play: the player plays the run from its start at 1x for `seconds` (or until the run's end).
// - Pan: the timeline is zoomed in and panned a step every frame, half the time over a quarter
//   of the trace (every pixel column merges many segments), half over 1/200th of it.
class AppBenchmark : public QObject {
    Q_OBJECT

public:
    enum class Mode { Play, Pan };

    struct Setup {
        Mode mode = Mode::Play;
        double seconds = 10;  // how long to measure
        QString subject;      // what ran, for the report
        // What the app holds for the run's trace (trace_memory_bytes), and how much the
        // resident set grew while the run loaded (an upper bound: it also counts what the
        // interpreter freed but the allocator kept); 0 if not measured.
        std::size_t trace_bytes = 0;
        std::size_t rss_growth = 0;
    };

    // `started` is when the process began (main's first line): the first frame's delay counts
    // from it.
    AppBenchmark(QQuickWindow& window, Engine& engine, Player& player, Setup setup,
                 const QElapsedTimer& started, QObject* parent = nullptr);

    // The process's resident set now, in bytes (/proc/self/statm).
    static std::size_t resident_bytes();
    // The GUI's copy of a trace, in bytes: the events' chunks, the seek index's checkpoints, the
    // timeline's lanes and the iteration and step digests (capacities, not sizes). Left out:
    // the string table and the per-task line digest, a few bytes per string and per TaskLine.
    static std::size_t trace_memory_bytes(const TraceStore& store);
    // The script behind `--benchmark pan`: about 1.2 million events from 1,000 tasks that
    // sleep 100 times each.
    static std::string million_event_script();

private:
    void on_frame_swapped();
    void begin();
    void step();
    void finish();

    QQuickWindow& window_;
    Engine& engine_;
    Player& player_;
    Setup setup_;
    const QElapsedTimer& started_;
    QPointer<TimelineItem> timeline_;
    QElapsedTimer clock_;     // since the measurement began
    QElapsedTimer interval_;  // since the last frame
    double first_frame_ms_ = -1;
    double worst_frame_ms_ = 0;
    double sum_frame_ms_ = 0;
    double cpu_start_ms_ = 0;
    QHash<QString, double> thread_cpu_start_;
    long frames_ = 0;
    bool measuring_ = false;
    bool finished_ = false;
    bool second_half_ = false;
    double pan_direction_ = 1;
};

}  // namespace loopscope::app
