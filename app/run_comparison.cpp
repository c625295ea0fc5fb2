#include "run_comparison.h"

#include <algorithm>
#include <cmath>

#include "loop/time.h"

namespace loopscope::app {

namespace {

using namespace std::chrono_literals;

constexpr auto kFrameInterval = 16ms;

}  // namespace

RunComparison::RunComparison(QObject* parent)
    : QObject(parent),
      left_player_(left_.store()),
      right_player_(right_.store()),
      left_stage_(left_.store(), left_player_),
      right_stage_(right_.store(), right_player_) {
    for (auto [engine, player] : {std::pair{&left_, &left_player_}, {&right_, &right_player_}}) {
        player->attach(*engine);
        // The shared playhead places the players; they never play on their own.
        connect(engine, &Engine::runStarted, this, [this, player = player] {
            player->pause();
            place_players();
        });
        connect(engine, &Engine::traceGrew, this, [this] {
            emit endTimeChanged();
            place_players();
        });
    }
    frame_timer_.setInterval(kFrameInterval);
    connect(&frame_timer_, &QTimer::timeout, this, &RunComparison::on_frame);
}

double RunComparison::endTime() const {
    return std::max(nanos_to_seconds(left_.store().end_time()),
                    nanos_to_seconds(right_.store().end_time()));
}

void RunComparison::run(Engine& engine, const QString& what) {
    const QString demo = QStringLiteral("demo:");
    if (what.startsWith(demo)) {
        engine.runScenario(what.mid(demo.size()));
    } else {
        engine.runScript(what);
    }
}

void RunComparison::open(const QString& left, const QString& right) {
    setPlaying(false);
    time_ = 0;
    run(left_, left);
    run(right_, right);
    emit timeChanged();
    emit endTimeChanged();
}

void RunComparison::seekTime(double seconds) {
    seconds = std::clamp(seconds, 0.0, endTime());
    if (seconds == time_) {
        return;
    }
    time_ = seconds;
    place_players();
    emit timeChanged();
}

// Each side shows its run as of the shared instant: every event up to it applied (past its
// end, the whole run).
void RunComparison::place_players() {
    for (auto [engine, player] : {std::pair{&left_, &left_player_}, {&right_, &right_player_}}) {
        const TraceStore& store = engine->store();
        const auto time = static_cast<Nanos>(std::llround(time_ * 1e9));
        std::size_t position = store.size();
        if (store.size() > 0 && time < store.end_time()) {
            // The first event after `time`: everything before it has happened.
            position = store.first_event_at(time + 1);
        }
        player->seek(static_cast<int>(position));
    }
}

void RunComparison::setPlaying(bool playing) {
    if (playing == playing_) {
        return;
    }
    playing_ = playing;
    if (playing_) {
        if (time_ >= endTime()) {
            seekTime(0);
        }
        frame_clock_.start();
        frame_timer_.start();
    } else {
        frame_timer_.stop();
    }
    emit playingChanged();
}

void RunComparison::on_frame() {
    const double elapsed = static_cast<double>(frame_clock_.restart()) / 1000.0;
    seekTime(time_ + elapsed);
    if (time_ >= endTime() && !left_.running() && !right_.running()) {
        setPlaying(false);
    }
}

void RunComparison::wait_until_finished(std::chrono::milliseconds timeout) {
    left_.wait_until_finished(timeout);
    right_.wait_until_finished(timeout);
    emit endTimeChanged();
    place_players();
}

}  // namespace loopscope::app
