#include "app_benchmark.h"

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <algorithm>
#include <cstdio>
#include <ctime>

#include "engine.h"
#include "player.h"
#include "timeline_item.h"
#include "trace_store.h"

namespace loopscope::app {

namespace {

// After the first frame, fonts, layouts and the first batch of cards settle before measuring.
constexpr int kSettleMs = 500;
// Panning moves the view this share of its width every frame (a brisk drag).
constexpr double kPanPerFrame = 0.02;
constexpr double kDenseShare = 1.0 / 4;
constexpr double kSparseShare = 1.0 / 200;

double milliseconds(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// CPU time of the whole process (GUI, render and worker threads), in ms: on a machine shared
// with other work the frame rate says how much CPU we got; this says how much we needed.
double process_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// CPU ms used so far by each thread of the process, summed by thread name (Linux /proc): which
// of the GUI thread, the scene graph's render thread and llvmpipe's rasterisers costs what.
QHash<QString, double> cpu_ms_by_thread() {
    QHash<QString, double> by_name;
    const double ms_per_tick = 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QString name = QString::fromUtf8(comm.readAll()).trimmed();
        // Fields after the ")" that closes the name: state is the first; utime, stime are
        // the 12th and 13th after it.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 12) {
            by_name[name] +=
                static_cast<double>(fields[11].toLongLong() + fields[12].toLongLong()) *
                ms_per_tick;
        }
    }
    return by_name;
}

}  // namespace

AppBenchmark::AppBenchmark(QQuickWindow& window, Engine& engine, Player& player, Setup setup,
                           const QElapsedTimer& started, QObject* parent)
    : QObject(parent),
      window_(window),
      engine_(engine),
      player_(player),
      setup_(std::move(setup)),
      started_(started) {
    // frameSwapped comes from the render thread: queue it to ours, where the timing is read.
    connect(&window_, &QQuickWindow::frameSwapped, this, &AppBenchmark::on_frame_swapped,
            Qt::QueuedConnection);
}

std::size_t AppBenchmark::resident_bytes() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? static_cast<std::size_t>(fields[1].toULongLong()) *
                                   static_cast<std::size_t>(sysconf(_SC_PAGESIZE))
                             : 0;
}

std::size_t AppBenchmark::trace_memory_bytes(const TraceStore& store) {
    return store.recorder().events().capacity_bytes() + store.index().memory_bytes() +
           store.lanes().memory_bytes() +
           store.iteration_starts().capacity() * sizeof(std::size_t) +
           store.step_ends().capacity() * sizeof(std::size_t);
}

std::string AppBenchmark::million_event_script() {
    return "# --benchmark pan: about 1.2 million events for the timeline.\n"
           "import asyncio\n"
           "\n"
           "async def worker(n):\n"
           "    for step in range(100):\n"
           "        await asyncio.sleep(0.001 * ((n * 7 + step) % 13))\n"
           "\n"
           "async def main():\n"
           "    await asyncio.gather(*(worker(n) for n in range(1000)))\n"
           "\n"
           "asyncio.run(main())\n";
}

void AppBenchmark::on_frame_swapped() {
    if (finished_) {
        return;
    }
    if (first_frame_ms_ < 0) {
        first_frame_ms_ = milliseconds(started_);
        QTimer::singleShot(kSettleMs, this, &AppBenchmark::begin);
        return;
    }
    if (!measuring_) {
        return;
    }
    const double frame_ms = milliseconds(interval_);
    interval_.restart();
    if (frames_ >= 0) {
        worst_frame_ms_ = std::max(worst_frame_ms_, frame_ms);
        sum_frame_ms_ += frame_ms;
    }
    ++frames_;
    const bool play_over = setup_.mode == Mode::Play && !player_.playing();
    if (clock_.elapsed() >= static_cast<qint64>(setup_.seconds * 1000) || play_over) {
        finish();
        return;
    }
    step();
    window_.update();
}

void AppBenchmark::begin() {
    if (window_.contentItem() != nullptr) {
        timeline_ = window_.contentItem()->findChild<TimelineItem*>();
    }
    if (setup_.mode == Mode::Play) {
        player_.pause();
        player_.setSpeed(1.0);
        player_.jumpToStart();
        player_.play();
    } else if (timeline_ != nullptr) {
        timeline_->setView(0, timeline_->viewEnd() * kDenseShare);
    }
    measuring_ = true;
    // The first swap after this only starts the clock of the first whole frame.
    frames_ = -1;
    cpu_start_ms_ = process_cpu_ms();
    thread_cpu_start_ = cpu_ms_by_thread();
    clock_.start();
    interval_.start();
    window_.update();
}

void AppBenchmark::step() {
    if (setup_.mode != Mode::Pan || timeline_ == nullptr) {
        return;
    }
    if (!second_half_ && clock_.elapsed() >= static_cast<qint64>(setup_.seconds * 500)) {
        second_half_ = true;
        const auto whole = static_cast<double>(engine_.store().size());
        const double start = timeline_->viewStart();
        timeline_->setView(start, start + whole * kSparseShare);
    }
    const double before = timeline_->viewStart();
    timeline_->pan(pan_direction_ * timeline_->width() * kPanPerFrame);
    if (timeline_->viewStart() == before) {  // at an end: come back
        pan_direction_ = -pan_direction_;
        timeline_->pan(pan_direction_ * timeline_->width() * kPanPerFrame);
    }
}

void AppBenchmark::finish() {
    finished_ = true;
    const double seconds = static_cast<double>(clock_.nsecsElapsed()) / 1e9;
    const double frames = static_cast<double>(std::max(frames_, 0L));
    const auto events = static_cast<double>(engine_.store().size());
    const double cpu_ms = process_cpu_ms() - cpu_start_ms_;
    QJsonObject report{
        {QStringLiteral("mode"), setup_.mode == Mode::Play ? "play" : "pan"},
        {QStringLiteral("subject"), setup_.subject},
        {QStringLiteral("events"), events},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("frames"), frames},
        {QStringLiteral("fps"), seconds > 0 ? frames / seconds : 0.0},
        {QStringLiteral("mean_frame_ms"), frames > 0 ? sum_frame_ms_ / frames : 0.0},
        {QStringLiteral("worst_frame_ms"), worst_frame_ms_},
        {QStringLiteral("first_frame_ms"), first_frame_ms_},
        {QStringLiteral("cpu_ms_per_frame"), frames > 0 ? cpu_ms / frames : 0.0},
        {QStringLiteral("cpu_share"), seconds > 0 ? cpu_ms / 1000 / seconds : 0.0},
        {QStringLiteral("window"),
         QStringLiteral("%1x%2").arg(window_.width()).arg(window_.height())},
    };
    if (setup_.trace_bytes > 0 && events > 0) {
        report.insert(QStringLiteral("trace_bytes_per_event"),
                      static_cast<double>(setup_.trace_bytes) / events);
        report.insert(QStringLiteral("rss_growth_per_event"),
                      static_cast<double>(setup_.rss_growth) / events);
        const TraceStore& store = engine_.store();
        const auto per_event = [events](std::size_t bytes) {
            return static_cast<double>(bytes) / events;
        };
        report.insert(
            QStringLiteral("trace_bytes_per_event_by_part"),
            QJsonObject{
                {QStringLiteral("events"), per_event(store.recorder().events().capacity_bytes())},
                {QStringLiteral("seek_index"), per_event(store.index().memory_bytes())},
                {QStringLiteral("timeline_lanes"), per_event(store.lanes().memory_bytes())},
                {QStringLiteral("digests"),
                 per_event((store.iteration_starts().capacity() + store.step_ends().capacity()) *
                           sizeof(std::size_t))},
            });
    }
    if (timeline_ != nullptr) {
        report.insert(QStringLiteral("timeline_rects_last_frame"), timeline_->mergedRects());
    }
    QJsonObject per_thread;
    const QHash<QString, double> thread_cpu = cpu_ms_by_thread();
    for (auto it = thread_cpu.begin(); it != thread_cpu.end(); ++it) {
        const double used = it.value() - thread_cpu_start_.value(it.key());
        if (used > 0 && frames > 0) {
            per_thread.insert(it.key(), used / frames);
        }
    }
    report.insert(QStringLiteral("cpu_ms_per_frame_by_thread"), per_thread);
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly)) {
        report.insert(QStringLiteral("loadavg"),
                      QString::fromUtf8(loadavg.readAll()).section(QLatin1Char(' '), 0, 2));
    }
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QGuiApplication::exit(0);
}

}  // namespace loopscope::app
