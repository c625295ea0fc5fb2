#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>

#include "engine.h"
#include "loop_stage.h"
#include "player.h"

namespace loopscope::app {

// Two runs side by side on one loop-time axis ("Comparing two runs": sequential awaits vs
// gather, Semaphore(2) vs Semaphore(5)). Each side is a whole run of its own (an Engine and a
// Player over its TraceStore); one playhead in loop time, `time`, places both players, so at
// any moment the two stages show the same instant of their runs. The axis spans the longer run.
class RunComparison : public QObject {
    Q_OBJECT
    Q_PROPERTY(loopscope::app::Engine* left READ left CONSTANT)
    Q_PROPERTY(loopscope::app::Engine* right READ right CONSTANT)
    Q_PROPERTY(loopscope::app::Player* leftPlayer READ leftPlayer CONSTANT)
    Q_PROPERTY(loopscope::app::Player* rightPlayer READ rightPlayer CONSTANT)
    Q_PROPERTY(loopscope::app::LoopStage* leftStage READ leftStage CONSTANT)
    Q_PROPERTY(loopscope::app::LoopStage* rightStage READ rightStage CONSTANT)
    // The shared playhead, in seconds of loop time.
    Q_PROPERTY(double time READ time WRITE seekTime NOTIFY timeChanged)
    // The longer run's loop time: the axis both timelines are drawn on.
    Q_PROPERTY(double endTime READ endTime NOTIFY endTimeChanged)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)

public:
    explicit RunComparison(QObject* parent = nullptr);

    Engine* left() { return &left_; }
    Engine* right() { return &right_; }
    Player* leftPlayer() { return &left_player_; }
    Player* rightPlayer() { return &right_player_; }
    LoopStage* leftStage() { return &left_stage_; }
    LoopStage* rightStage() { return &right_stage_; }
    double time() const { return time_; }
    double endTime() const;
    bool playing() const { return playing_; }

    // Runs `left` and `right`: each a .py path or "demo:<id>" for a built-in scenario.
    Q_INVOKABLE void open(const QString& left, const QString& right);
    Q_INVOKABLE void seekTime(double seconds);
    void setPlaying(bool playing);
    Q_INVOKABLE void togglePlaying() { setPlaying(!playing_); }

    // Blocks until both runs are over (tests, --screenshot); a run still going after `timeout`
    // is stopped.
    void wait_until_finished(std::chrono::milliseconds timeout);

signals:
    void timeChanged();
    void endTimeChanged();
    void playingChanged();

private:
    static void run(Engine& engine, const QString& what);
    void place_players();
    void on_frame();

    Engine left_;
    Engine right_;
    Player left_player_;
    Player right_player_;
    LoopStage left_stage_;
    LoopStage right_stage_;
    double time_ = 0;
    bool playing_ = false;
    QTimer frame_timer_;
    QElapsedTimer frame_clock_;
};

}  // namespace loopscope::app
