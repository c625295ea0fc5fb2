#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "lesson/checkpoint.h"

namespace loopscope::app {

class Engine;
class Player;
class TraceStore;

// A lesson's "predict what happens" checkpoints during playback (lessons/README.md).
//
// When a run of a lesson starts, its checkpoints are read from the source (core/lesson) and,
// as the trace arrives, each one's pause point is found on it (find_pause): those positions
// become the Player's stops. Playing through one halts there and opens its card (a question,
// its choices); the learner's answer is checked against what *this* run's trace decides
// (decide_answer), so the checkpoint stays right when the code is edited. The verdict is kept
// in QSettings under `answers/<lesson file base name>/<checkpoint id>` = correct | wrong.
// Scrubbing and stepping never ask: only playback through a pause point does.
class CheckpointController : public QObject {
    Q_OBJECT
    // Off: playback never halts for checkpoints (presenters). Remembered across sessions.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
    Q_PROPERTY(int count READ count NOTIFY checkpointsChanged)
    // One map per checkpoint, in source order: id, question, position (the pause's playhead,
    // -1 while not found), status ("" unanswered, "correct", "wrong").
    Q_PROPERTY(QVariantList items READ items NOTIFY checkpointsChanged)

    // The card: open while a checkpoint is being asked.
    Q_PROPERTY(bool open READ open NOTIFY cardChanged)
    // "question" (waiting for an answer), "correct", "wrong", "shown" (the answer was shown
    // without answering) or "undecided" (the trace cannot decide: `reason` says why).
    Q_PROPERTY(QString verdict READ verdict NOTIFY cardChanged)
    Q_PROPERTY(QString checkpointId READ checkpointId NOTIFY cardChanged)
    Q_PROPERTY(QString question READ question NOTIFY cardChanged)
    Q_PROPERTY(QStringList choices READ choices NOTIFY cardChanged)
    // Whether the check orders the choices (`output-order`): the answer is a sequence.
    Q_PROPERTY(bool ordersChoices READ ordersChoices NOTIFY cardChanged)
    Q_PROPERTY(QString given READ given NOTIFY cardChanged)
    // What the trace decided, once answered or shown.
    Q_PROPERTY(QString decided READ decided NOTIFY cardChanged)
    Q_PROPERTY(QString explanation READ explanation NOTIFY cardChanged)
    Q_PROPERTY(QString reason READ reason NOTIFY cardChanged)

public:
    CheckpointController(const TraceStore& store, Player& player, QObject* parent = nullptr);
    // Follows an engine: reads each run's lesson, finds the pauses as its trace arrives.
    void attach(Engine& engine);

    // Takes the checkpoints of a lesson's source (`file_path` names it: the settings key and
    // the file its `pause: line` task-line events are matched on). Clears them for no source.
    void load(const std::string& source, const QString& file_path);
    // Finds the pause points not found yet on the store's trace. While the run is still
    // recording, a pause is taken only once a later loop iteration has begun (a step may not
    // have ended yet) and `pause: end` waits for the end.
    void locate(bool run_finished);

    bool enabled() const { return enabled_; }
    void setEnabled(bool enabled);
    int count() const { return static_cast<int>(entries_.size()); }
    QVariantList items() const;

    bool open() const { return current_.has_value(); }
    QString verdict() const { return verdict_; }
    QString checkpointId() const;
    QString question() const;
    QStringList choices() const;
    bool ordersChoices() const;
    QString given() const { return given_; }
    QString decided() const { return decided_; }
    QString explanation() const;
    QString reason() const { return reason_; }

    // The learner's answer (a choice's text, a free answer, or for an ordering the choices
    // joined with " | "). Checked against the trace; the card shows the verdict.
    Q_INVOKABLE void answer(const QString& given);
    // Picks the choice at `index` (0-based) as the answer.
    Q_INVOKABLE void pickChoice(int index);
    Q_INVOKABLE void showAnswer();
    // Closes the card without answering and plays on.
    Q_INVOKABLE void skip();
    // Closes the card (the next checkpoint at the same pause opens, if any) and plays on.
    Q_INVOKABLE void continuePlaying();
    // Seeks to the checkpoint's pause and opens its card (the lesson pane's list,
    // `--checkpoint ID`). False if there is no such checkpoint or its pause was not found.
    Q_INVOKABLE bool askAt(int index);
    Q_INVOKABLE bool askById(const QString& id);

    // The verdict kept for a checkpoint ("" if none): settings key answers/<lesson>/<id>.
    static QString stored_answer(const QString& lesson_file_path, const QString& id);

signals:
    void enabledChanged();
    void checkpointsChanged();
    void cardChanged();

private:
    struct Entry {
        lesson::Checkpoint checkpoint;
        std::optional<std::size_t> pause;
        QString status;  // stored verdict
    };

    void on_stop_reached(int position);
    void open_card(std::size_t index);
    void close_card();
    void update_stops();
    // Decides the current checkpoint on the trace; false (and verdict "undecided") if it cannot.
    bool decide();
    const lesson::Checkpoint& current() const { return entries_[*current_].checkpoint; }
    QString settings_key(const lesson::Checkpoint& checkpoint) const;

    const TraceStore& store_;
    Player& player_;
    bool enabled_ = true;
    bool run_live_ = false;
    QString file_path_;
    std::string file_name_;  // for matching task-line events
    std::vector<Entry> entries_;
    std::optional<std::size_t> current_;
    std::vector<std::size_t> queued_;  // more checkpoints at the current pause, to ask next
    bool moving_ = false;              // the controller itself moves the playhead
    QString verdict_;
    QString given_;
    QString decided_;
    QString reason_;
};

}  // namespace loopscope::app
