#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QVariantList>
#include <vector>

namespace loopscope::trace {
class Recorder;
}

namespace loopscope::app {

// One row per loop iteration of a finished run: when it ran, how it got there (a clock jump,
// timers falling due) and the callbacks it ran, in order. Built once from a trace; read-only.
class LoopIterationModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app builds it from a recorded trace.")
    Q_PROPERTY(int eventCount READ eventCount CONSTANT)
    Q_PROPERTY(int callbackCount READ callbackCount CONSTANT)

public:
    enum Role {
        IterationRole = Qt::UserRole + 1,
        TimeSecondsRole,       // loop time when its callbacks ran
        ClockJumpSecondsRole,  // virtual time skipped while polling, 0 if none
        ReadyAtStartRole,      // callbacks left ready by the previous iteration
        TimersDueRole,         // timers that fell due and joined the ready queue
        CallbacksRole,         // [{ label, fromTimer, order }], in the order they ran
    };
    Q_ENUM(Role)

    explicit LoopIterationModel(const trace::Recorder& recorder, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int eventCount() const { return event_count_; }
    int callbackCount() const { return callback_count_; }

private:
    struct Iteration {
        int number = 0;
        double time_seconds = 0;
        double clock_jump_seconds = 0;
        int ready_at_start = 0;
        int timers_due = 0;
        QVariantList callbacks;
    };

    std::vector<Iteration> iterations_;
    int event_count_ = 0;
    int callback_count_ = 0;
};

}  // namespace loopscope::app
