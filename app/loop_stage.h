#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <cstddef>

#include "keyed_list_model.h"

namespace loopscope::app {

class Player;
class TraceStore;

// What the loop stage draws, as of the playhead: the loop's iteration and phase, and one
// keyed model per place on the stage. Rebuilt from the Player's State after every move; the
// models signal only the rows that changed, so cards animate from place to place.
//
// Models and their roles:
//   tasks       taskId name coroutine status place slot group awaitText hue steps outcome
//               cancelRequests parentName current line lineRank cancelledBy shown
//   ready       handle label taskId taskName hue origin position inSnapshot cancelled
//   timers      handle label title taskName hue deadlineSeconds remainingSeconds fraction
//   waitGroups  objectId kind title column size
//   primitives  primitiveId kind title value detail ownerName waiters waiterCount
//   jobs        jobId label worker status
//   console     event text taskName hue error
// `place` is one of running, ready, waiting, done, cancelled, failed; `slot` is the card's
// index in its place (in the ready queue: its position in the queue), `group` its column among
// the waiting groups, `shown` false past the cards the stage shows (it aggregates beyond a few
// per place: counts in readyCount, hiddenWaiting, the groups' `size`), `line` the source line its
// coroutine stands at (TaskLine; 0: unknown or finished), `lineRank` its order among the tasks on
// that line. A timer's `title` is what its row calls it, never empty: a task's sleep, else the
// timer's label (a call_later's callback, a worker thread's time.sleep), else its number.
//
// `cancelMoments` lists the cancellation events the playhead has just moved over, going forward
// by a few events (not on a jump or going back), so the stage can animate them once: each
// {kind, from, to, event} with kind "request" (from: the canceller, 0 outside tasks; to: the
// task to cancel), "delivered" (CancelledError thrown into `to`; from: the task it came out of,
// when it climbs from an awaited task, else 0) or "cancelled" (`to` ended cancelled).
class LoopStage : public QObject {
    Q_OBJECT
    Q_PROPERTY(int iteration READ iteration NOTIFY changed)
    Q_PROPERTY(QString phase READ phase NOTIFY changed)
    Q_PROPERTY(QString phaseDetail READ phaseDetail NOTIFY changed)
    Q_PROPERTY(double nowSeconds READ nowSeconds NOTIFY changed)
    // The player's clock (Player::clockSeconds): moves on between events while playing, for
    // the countdowns and the ring's time.
    Q_PROPERTY(double clockSeconds READ clockSeconds NOTIFY clockChanged)
    Q_PROPERTY(QString runningLabel READ runningLabel NOTIFY changed)
    Q_PROPERTY(int snapshotLeft READ snapshotLeft NOTIFY changed)
    Q_PROPERTY(QString lastEvent READ lastEvent NOTIFY changed)
    // Counts, for the places that aggregate beyond a few cards.
    Q_PROPERTY(int readyCount READ readyCount NOTIFY changed)
    Q_PROPERTY(int doneCount READ doneCount NOTIFY changed)
    Q_PROPERTY(int cancelledCount READ cancelledCount NOTIFY changed)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY changed)
    Q_PROPERTY(int hiddenWaiting READ hiddenWaiting NOTIFY changed)
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY changed)
    Q_PROPERTY(int timerCount READ timerCount NOTIFY changed)
    Q_PROPERTY(QVariantList cancelMoments READ cancelMoments NOTIFY changed)
    Q_PROPERTY(KeyedListModel* tasks READ tasks CONSTANT)
    Q_PROPERTY(KeyedListModel* ready READ ready CONSTANT)
    Q_PROPERTY(KeyedListModel* timers READ timers CONSTANT)
    Q_PROPERTY(KeyedListModel* waitGroups READ waitGroups CONSTANT)
    Q_PROPERTY(KeyedListModel* primitives READ primitives CONSTANT)
    Q_PROPERTY(KeyedListModel* jobs READ jobs CONSTANT)
    Q_PROPERTY(KeyedListModel* console READ console CONSTANT)

public:
    LoopStage(const TraceStore& store, const Player& player, QObject* parent = nullptr);

    // Rebuilds everything from the player's State (connected to Player::stateChanged).
    void refresh();

    int iteration() const { return iteration_; }
    QString phase() const { return phase_; }
    QString phaseDetail() const { return phase_detail_; }
    double nowSeconds() const { return now_seconds_; }
    double clockSeconds() const;
    QString runningLabel() const { return running_label_; }
    int snapshotLeft() const { return snapshot_left_; }
    QString lastEvent() const { return last_event_; }
    int readyCount() const { return ready_count_; }
    int doneCount() const { return done_count_; }
    int cancelledCount() const { return cancelled_count_; }
    int failedCount() const { return failed_count_; }
    int hiddenWaiting() const { return hidden_waiting_; }
    int waitingCount() const { return waiting_count_; }
    int timerCount() const { return timer_count_; }  // all armed; the model shows the first few
    QVariantList cancelMoments() const { return cancel_moments_; }
    // Moves longer than this many events (jumps, scrubbing) animate no cancel moments.
    static constexpr std::size_t kMaxAnimatedMove = 64;

    KeyedListModel* tasks() { return &tasks_; }
    KeyedListModel* ready() { return &ready_; }
    KeyedListModel* timers() { return &timers_; }
    KeyedListModel* waitGroups() { return &wait_groups_; }
    KeyedListModel* primitives() { return &primitives_; }
    KeyedListModel* jobs() { return &jobs_; }
    KeyedListModel* console() { return &console_; }

signals:
    void changed();
    void clockChanged();

private:
    void refresh_loop();
    void refresh_tasks();
    void refresh_ready();
    void refresh_timers();
    void refresh_primitives();
    void refresh_jobs();
    void refresh_console();
    void refresh_cancel_moments();
    QString task_name(std::uint32_t task) const;
    QString text(std::uint32_t label) const;
    // What a TIMERS row calls the timer (the models' `title`).
    QString timer_title(std::uint32_t handle, std::uint32_t label, std::uint32_t task) const;

    const TraceStore& store_;
    const Player& player_;

    int iteration_ = 0;
    QString phase_;
    QString phase_detail_;
    double now_seconds_ = 0;
    QString running_label_;
    int snapshot_left_ = 0;
    QString last_event_;
    int ready_count_ = 0;
    int done_count_ = 0;
    int cancelled_count_ = 0;
    int failed_count_ = 0;
    int hidden_waiting_ = 0;
    int waiting_count_ = 0;
    int timer_count_ = 0;
    QVariantList cancel_moments_;
    std::size_t last_position_ = 0;  // the playhead at the last refresh

    KeyedListModel tasks_;
    KeyedListModel ready_;
    KeyedListModel timers_;
    KeyedListModel wait_groups_;
    KeyedListModel primitives_;
    KeyedListModel jobs_;
    KeyedListModel console_;
};

// A task's hue in [0, 1), from its id: stable across views and runs, well spread.
double task_hue(std::uint32_t task_id);

}  // namespace loopscope::app
