#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

#include "trace/state.h"

namespace loopscope::app {

class Engine;
class TraceStore;

// The playhead over a (possibly still growing) trace, and the State of the run there.
//
// `position` counts the events applied: 0 is before the first, `count` after the last. Every
// move is a seek through the core's StateIndex (a checkpoint copy and a short fold), never a
// re-run, so stepping back costs what stepping forward does.
//
// Playback runs on loop time: at speed 1 a 1 s sleep takes 1 s. Events that share an instant
// (a whole task step happens in no loop time on the virtual clock) are played at a readable
// pace of kInstantEventsPerSecond times the speed, and loop time waits while they play.
class Player : public QObject {
    Q_OBJECT
    Q_PROPERTY(int position READ position WRITE seek NOTIFY positionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(bool following READ following WRITE setFollowing NOTIFY followingChanged)
    Q_PROPERTY(double timeSeconds READ timeSeconds NOTIFY positionChanged)
    // Loop time as the screen shows it: while playback crosses a gap between two events (a
    // sleep, a blocked loop) it moves on at the speed, so countdowns empty and lateness grows
    // between events; it never leaves the interval [this event's time, the next event's].
    Q_PROPERTY(double clockSeconds READ clockSeconds NOTIFY clockChanged)
    Q_PROPERTY(double endTimeSeconds READ endTimeSeconds NOTIFY countChanged)

public:
    static constexpr double kInstantEventsPerSecond = 24.0;
    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 10.0;

    Player(const TraceStore& store, QObject* parent = nullptr);
    // Follows an engine: resets on each new run and sees the trace grow.
    void attach(Engine& engine);

    int position() const { return static_cast<int>(position_); }
    int count() const;
    bool playing() const { return playing_; }
    double speed() const { return speed_; }
    bool following() const { return following_; }
    double timeSeconds() const;
    double clockSeconds() const;
    double endTimeSeconds() const;

    // The run as of the playhead.
    const trace::State& state() const { return state_; }

    Q_INVOKABLE void seek(int position);
    void setPlaying(bool playing);
    void setSpeed(double speed);
    void setFollowing(bool following);

    Q_INVOKABLE void play() { setPlaying(true); }
    Q_INVOKABLE void pause() { setPlaying(false); }
    Q_INVOKABLE void togglePlaying() { setPlaying(!playing_); }
    Q_INVOKABLE void stepForward();
    Q_INVOKABLE void stepBack();
    // One send()/throw() into one coroutine: to the end of the next (previous) task step.
    Q_INVOKABLE void stepTaskForward();
    Q_INVOKABLE void stepTaskBack();
    // To the start of the next (previous) loop iteration.
    Q_INVOKABLE void stepIterationForward();
    Q_INVOKABLE void stepIterationBack();
    // To just after the next (previous) `task-line` event that moves its task to another
    // source line than the one it stood at: the code pane's marker of the task that just ran
    // jumps to a new line.
    Q_INVOKABLE void stepLineForward();
    Q_INVOKABLE void stepLineBack();
    Q_INVOKABLE void jumpToStart();
    Q_INVOKABLE void jumpToEnd();
    Q_INVOKABLE void faster();
    Q_INVOKABLE void slower();
    // Seeks to the first event at or after loop time `seconds`.
    Q_INVOKABLE void seekTime(double seconds);

    // Advances playback by `elapsed_seconds` of wall time (the frame timer calls it; tests
    // call it directly to play without waiting).
    void advance(double elapsed_seconds);

    // Positions playback halts at (checkpoints' pause points). Playing from before a stop to
    // or past it halts exactly there, pauses and emits stopReached(stop). Seeks and steps
    // never halt: only playback through a stop does. Any order; duplicates are fine.
    void set_stops(std::vector<std::size_t> stops);
    // Halts at a stop the live edge has already passed: following ends, the playhead goes
    // back to `stop`, playback pauses and stopReached(stop) is emitted. A live run's stops are
    // found on the trace a little after the edge went by (CheckpointController), so following
    // alone would never halt at one.
    void halt_behind_edge(std::size_t stop);

    // Resets to an empty trace (a new run starts).
    void reset();
    // The trace grew: follows the live edge if asked to.
    void on_trace_grew();

signals:
    void positionChanged();
    void countChanged();
    void playingChanged();
    void speedChanged();
    void followingChanged();
    void clockChanged();
    // The State changed (after every seek that moved the playhead).
    void stateChanged();
    // Playback halted at a stop (set_stops) and paused.
    void stopReached(int position);

private:
    // Moves the playhead; a move that playback did not make also brings playback's clock to
    // the new place, so playing on after a step or a seek continues from there.
    void move_to(std::size_t position, bool by_playback = false);
    void on_frame();
    // Whether event `index` is a task-line event that puts its task on another line.
    bool moves_line(std::size_t index) const;
    Nanos time_at(std::size_t position) const;

    // The first stop after `from` and at most `to`, or `to + 1` when none.
    std::size_t first_stop_in(std::size_t from, std::size_t to) const;

    const TraceStore& store_;
    std::vector<std::size_t> stops_;  // sorted
    trace::State state_;
    std::size_t position_ = 0;
    bool playing_ = false;
    bool following_ = false;
    bool run_live_ = false;  // the engine is still recording
    double speed_ = 1.0;
    Nanos play_clock_ = 0;       // loop time playback has reached
    double instant_budget_ = 0;  // events that may still play at the current instant
    QTimer frame_timer_;
    QElapsedTimer frame_clock_;
};

}  // namespace loopscope::app
