#include "loop_iteration_model.h"

#include <QVariantMap>
#include <unordered_set>

#include "trace/recorder.h"

namespace loopscope::app {

namespace {

using trace::EventKind;

QString label_text(const trace::Recorder& recorder, std::int64_t value) {
    const auto label = static_cast<trace::Label>(value);
    if (label == 0) {
        return QStringLiteral("<callback>");  // as the loop names unlabelled callbacks
    }
    const std::string_view text = recorder.text(label);
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

LoopIterationModel::LoopIterationModel(const trace::Recorder& recorder, QObject* parent)
    : QAbstractListModel(parent), event_count_(static_cast<int>(recorder.size())) {
    // Handles whose timer fired in the current iteration: their callbacks came from a timer,
    // the others were already in the ready queue.
    std::unordered_set<std::uint32_t> fired_timers;
    Iteration* current = nullptr;
    Nanos poll_began_at = 0;

    for (const trace::Event& event : recorder.events()) {
        if (event.kind == EventKind::IterationBegin) {
            iterations_.push_back(Iteration{});
            current = &iterations_.back();
            current->number = static_cast<int>(event.iteration);
            current->time_seconds = nanos_to_seconds(event.time);
            current->ready_at_start = static_cast<int>(event.value);
            fired_timers.clear();
            continue;
        }
        if (current == nullptr) {
            continue;  // scheduling before the loop started
        }
        switch (event.kind) {
            case EventKind::PollBegin:
                poll_began_at = event.time;
                break;
            case EventKind::PollEnd:
                // Measured from the two stamps, as PollEnd's own field for it is only 32 bits
                // wide; summed, as a paused clock may poll more than once per iteration.
                current->time_seconds = nanos_to_seconds(event.time);
                current->clock_jump_seconds += nanos_to_seconds(event.time - poll_began_at);
                break;
            case EventKind::TimerFired:
                ++current->timers_due;
                fired_timers.insert(event.subject);
                break;
            case EventKind::CallbackBegin:
                ++callback_count_;
                current->callbacks.append(QVariantMap{
                    {QStringLiteral("label"), label_text(recorder, event.value)},
                    {QStringLiteral("fromTimer"), fired_timers.contains(event.subject)},
                    {QStringLiteral("order"), callback_count_},
                });
                break;
            default:
                break;
        }
    }
}

int LoopIterationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(iterations_.size());
}

QVariant LoopIterationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Iteration& iteration = iterations_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case IterationRole:
            return iteration.number;
        case TimeSecondsRole:
            return iteration.time_seconds;
        case ClockJumpSecondsRole:
            return iteration.clock_jump_seconds;
        case ReadyAtStartRole:
            return iteration.ready_at_start;
        case TimersDueRole:
            return iteration.timers_due;
        case CallbacksRole:
            return iteration.callbacks;
        default:
            return {};
    }
}

QHash<int, QByteArray> LoopIterationModel::roleNames() const {
    return {
        {IterationRole, "iteration"},
        {TimeSecondsRole, "timeSeconds"},
        {ClockJumpSecondsRole, "clockJumpSeconds"},
        {ReadyAtStartRole, "readyAtStart"},
        {TimersDueRole, "timersDue"},
        {CallbacksRole, "callbacks"},
    };
}

}  // namespace loopscope::app
