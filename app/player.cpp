#include "player.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "engine.h"
#include "trace_store.h"

namespace loopscope::app {

namespace {

using namespace std::chrono_literals;

constexpr auto kFrameInterval = 16ms;
// The speed steps of faster() / slower(), as a media player's.
constexpr double kSpeedSteps[] = {0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0};

}  // namespace

Player::Player(const TraceStore& store, QObject* parent) : QObject(parent), store_(store) {
    frame_timer_.setInterval(kFrameInterval);
    connect(&frame_timer_, &QTimer::timeout, this, &Player::on_frame);
}

void Player::attach(Engine& engine) {
    // A new run plays from its start, as a learner who picked a scenario expects.
    connect(&engine, &Engine::runStarted, this, [this] {
        run_live_ = true;
        reset();
        play();
    });
    connect(&engine, &Engine::traceGrew, this, &Player::on_trace_grew);
    connect(&engine, &Engine::runFinished, this, [this] { run_live_ = false; });
}

int Player::count() const {
    return static_cast<int>(store_.size());
}

Nanos Player::time_at(std::size_t position) const {
    // A binding may ask between a new run clearing the store and the playhead's reset.
    position = std::min(position, store_.size());
    return position == 0 ? 0 : store_.event(position - 1).time;
}

double Player::timeSeconds() const {
    return nanos_to_seconds(time_at(position_));
}

double Player::clockSeconds() const {
    Nanos clock = std::max(play_clock_, time_at(position_));
    if (position_ < store_.size()) {
        clock = std::min(clock, store_.event(position_).time);
    }
    return nanos_to_seconds(clock);
}

double Player::endTimeSeconds() const {
    return nanos_to_seconds(store_.end_time());
}

void Player::reset() {
    position_ = 0;
    state_ = trace::State{};
    play_clock_ = 0;
    instant_budget_ = 0;
    emit countChanged();
    emit positionChanged();
    emit stateChanged();
    emit clockChanged();
}

void Player::on_trace_grew() {
    emit countChanged();
    if (following_) {
        move_to(store_.size());
    }
}

void Player::move_to(std::size_t position, bool by_playback) {
    position = std::min(position, store_.size());
    if (!by_playback) {
        play_clock_ = time_at(position);
        instant_budget_ = std::min(instant_budget_, 1.0);
    }
    if (position == position_ && position == state_.applied()) {
        return;
    }
    position_ = position;
    store_.seek(position_, state_);
    emit positionChanged();
    emit stateChanged();
    emit clockChanged();
}

void Player::seek(int position) {
    if (position < count()) {
        setFollowing(false);
    }
    move_to(static_cast<std::size_t>(std::max(position, 0)));
}

void Player::setPlaying(bool playing) {
    if (playing == playing_) {
        return;
    }
    playing_ = playing;
    if (playing_) {
        if (position_ >= store_.size() && !run_live_) {
            move_to(0);  // play again from the start, as a media player does
        }
        play_clock_ = time_at(position_);
        instant_budget_ = 1;
        frame_clock_.start();
        frame_timer_.start();
    } else {
        frame_timer_.stop();
    }
    emit playingChanged();
}

void Player::setSpeed(double speed) {
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == speed_) {
        return;
    }
    speed_ = speed;
    emit speedChanged();
}

void Player::setFollowing(bool following) {
    if (following == following_) {
        return;
    }
    following_ = following;
    emit followingChanged();
    if (following_) {
        move_to(store_.size());
    }
}

void Player::faster() {
    for (const double step : kSpeedSteps) {
        if (step > speed_ + 1e-9) {
            setSpeed(step);
            return;
        }
    }
}

void Player::slower() {
    for (auto step = std::rbegin(kSpeedSteps); step != std::rend(kSpeedSteps); ++step) {
        if (*step < speed_ - 1e-9) {
            setSpeed(*step);
            return;
        }
    }
}

void Player::stepForward() {
    setFollowing(false);
    move_to(position_ + 1);
}

void Player::stepBack() {
    setFollowing(false);
    move_to(position_ == 0 ? 0 : position_ - 1);
}

// Positions are "events applied": landing just after a marker event at index i is i + 1.
void Player::stepTaskForward() {
    setFollowing(false);
    const auto& ends = store_.step_ends();
    const auto next = std::lower_bound(ends.begin(), ends.end(), position_);
    move_to(next == ends.end() ? store_.size() : *next + 1);
}

void Player::stepTaskBack() {
    setFollowing(false);
    const auto& ends = store_.step_ends();
    // The last step end strictly before the one the playhead stands on.
    auto before = std::lower_bound(ends.begin(), ends.end(), position_ == 0 ? 0 : position_ - 1);
    move_to(before == ends.begin() ? 0 : *std::prev(before) + 1);
}

void Player::stepIterationForward() {
    setFollowing(false);
    const auto& starts = store_.iteration_starts();
    const auto next = std::lower_bound(starts.begin(), starts.end(), position_);
    move_to(next == starts.end() ? store_.size() : *next + 1);
}

void Player::stepIterationBack() {
    setFollowing(false);
    const auto& starts = store_.iteration_starts();
    auto before =
        std::lower_bound(starts.begin(), starts.end(), position_ == 0 ? 0 : position_ - 1);
    move_to(before == starts.begin() ? 0 : *std::prev(before) + 1);
}

// A task-line event "moves" its task when its line differs from the one the task stood at
// just before it (line_of counts the events applied, so line_of(task, i) excludes event i).
bool Player::moves_line(std::size_t index) const {
    const trace::Event& event = store_.event(index);
    return event.kind == trace::EventKind::TaskLine &&
           static_cast<int>(event.value) != store_.line_of(event.subject, index);
}

void Player::stepLineForward() {
    setFollowing(false);
    for (std::size_t i = position_; i < store_.size(); ++i) {
        if (moves_line(i)) {
            move_to(i + 1);
            return;
        }
    }
    move_to(store_.size());
}

void Player::stepLineBack() {
    setFollowing(false);
    // The last line move strictly before the one the playhead stands just after.
    for (std::size_t i = position_ < 2 ? 0 : position_ - 1; i-- > 0;) {
        if (moves_line(i)) {
            move_to(i + 1);
            return;
        }
    }
    move_to(0);
}

void Player::jumpToStart() {
    setFollowing(false);
    move_to(0);
}

void Player::jumpToEnd() {
    move_to(store_.size());
}

void Player::seekTime(double seconds) {
    const auto time = static_cast<Nanos>(std::llround(seconds * 1e9));
    seek(static_cast<int>(std::min(store_.first_event_at(time) + 1, store_.size())));
}

void Player::set_stops(std::vector<std::size_t> stops) {
    std::sort(stops.begin(), stops.end());
    stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
    stops_ = std::move(stops);
}

void Player::halt_behind_edge(std::size_t stop) {
    setFollowing(false);
    setPlaying(false);
    move_to(stop);
    emit stopReached(static_cast<int>(stop));
}

std::size_t Player::first_stop_in(std::size_t from, std::size_t to) const {
    const auto stop = std::upper_bound(stops_.begin(), stops_.end(), from);
    return stop != stops_.end() && *stop <= to ? *stop : to + 1;
}

void Player::on_frame() {
    const double elapsed = static_cast<double>(frame_clock_.restart()) / 1000.0;
    advance(elapsed);
}

void Player::advance(double elapsed_seconds) {
    const double rate = kInstantEventsPerSecond * speed_;
    instant_budget_ =
        std::min(instant_budget_ + elapsed_seconds * rate, 1.0 + std::ceil(elapsed_seconds * rate));
    play_clock_ += static_cast<Nanos>(std::llround(elapsed_seconds * speed_ * 1e9));
    std::size_t target = position_;
    while (target < store_.size()) {
        const Nanos next_time = store_.event(target).time;
        if (next_time > play_clock_) {
            // Loop time has to pass first: no burst of instants saved up meanwhile.
            instant_budget_ = std::min(instant_budget_, 1.0);
            break;
        }
        if (instant_budget_ < 1) {
            // Loop time waits while this instant's events play.
            play_clock_ = next_time;
            break;
        }
        instant_budget_ -= 1;
        ++target;
    }
    const std::size_t stop = first_stop_in(position_, target);
    if (stop <= target) {
        move_to(stop);
        setPlaying(false);
        emit stopReached(static_cast<int>(stop));
        return;
    }
    move_to(target, true);
    emit clockChanged();  // loop time moved on, whether an event came or not
    if (position_ >= store_.size() && !run_live_ && playing_) {
        setPlaying(false);
    }
}

}  // namespace loopscope::app
