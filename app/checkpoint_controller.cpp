#include "checkpoint_controller.h"

#include <QFileInfo>
#include <QSettings>
#include <QVariantMap>
#include <algorithm>

#include "engine.h"
#include "lesson/lesson_file.h"
#include "lesson/trace_answer.h"
#include "player.h"
#include "trace_store.h"

namespace loopscope::app {

namespace {

// The shared convention of the app's settings (organization and application "Loopscope"),
// spelled out so the keys land in the same file whoever set the application's names.
QSettings app_settings() {
    return QSettings(QStringLiteral("Loopscope"), QStringLiteral("Loopscope"));
}

const QString kEnabledKey = QStringLiteral("checkpoints/enabled");

QString lesson_key(const QString& file_path) {
    return QFileInfo(file_path).completeBaseName();
}

}  // namespace

CheckpointController::CheckpointController(const TraceStore& store, Player& player, QObject* parent)
    : QObject(parent), store_(store), player_(player) {
    enabled_ = app_settings().value(kEnabledKey, true).toBool();
    connect(&player_, &Player::stopReached, this, &CheckpointController::on_stop_reached);
    // A card belongs to its pause: moving away from it, or playing on, closes it.
    connect(&player_, &Player::positionChanged, this, [this] {
        if (current_ && !moving_ &&
            static_cast<std::size_t>(player_.position()) != entries_[*current_].pause) {
            close_card();
        }
    });
    connect(&player_, &Player::playingChanged, this, [this] {
        if (current_ && player_.playing()) {
            close_card();
        }
    });
}

void CheckpointController::attach(Engine& engine) {
    connect(&engine, &Engine::runStarted, this, [this, &engine] {
        run_live_ = true;
        load(engine.isScript() ? engine.source().toStdString() : std::string(),
             engine.isScript() ? engine.scenarioName() : QString());
    });
    connect(&engine, &Engine::traceGrew, this, [this] { locate(false); });
    connect(&engine, &Engine::runFinished, this, [this] {
        run_live_ = false;
        locate(true);
    });
}

void CheckpointController::load(const std::string& source, const QString& file_path) {
    close_card();
    entries_.clear();
    file_path_ = file_path;
    file_name_ = QFileInfo(file_path).fileName().toStdString();
    if (!source.empty()) {
        const lesson::LessonFile lesson = lesson::parse_lesson(source);
        for (const lesson::Checkpoint& checkpoint : lesson.checkpoints) {
            Entry entry{checkpoint, std::nullopt, {}};
            entry.status = stored_answer(file_path_, QString::fromStdString(checkpoint.id));
            entries_.push_back(std::move(entry));
        }
    }
    update_stops();
    emit checkpointsChanged();
}

void CheckpointController::locate(bool run_finished) {
    // While the run records, a pause found on the trace so far may still move: a `pause: line`
    // in the middle of a step waits for that step's end, which may not be here yet. A step
    // never outlasts its loop iteration, so a pause before the latest iteration start is final.
    const auto& iterations = store_.iteration_starts();
    const std::size_t settled_before = iterations.empty() ? 0 : iterations.back();
    bool found = false;
    std::optional<std::size_t> first_found;
    for (Entry& entry : entries_) {
        if (entry.pause) {
            continue;
        }
        if (!run_finished && entry.checkpoint.pause.kind == lesson::PauseKind::End) {
            continue;
        }
        const auto pause =
            lesson::find_pause(entry.checkpoint.pause, store_.recorder(), file_name_);
        if (pause && (run_finished || *pause <= settled_before)) {
            entry.pause = pause;
            found = true;
            first_found = std::min(*pause, first_found.value_or(*pause));
        }
    }
    if (found) {
        update_stops();
        emit checkpointsChanged();
    }
    // Following a live run, the playhead went past the pause before the trace could settle
    // it: go back there and ask, as playback through it would have. Each pause is found once
    // a run, so each asks once; the run goes on meanwhile.
    if (first_found && enabled_ && player_.following()) {
        player_.halt_behind_edge(*first_found);
    }
}

void CheckpointController::update_stops() {
    std::vector<std::size_t> stops;
    if (enabled_) {
        for (const Entry& entry : entries_) {
            if (entry.pause) {
                stops.push_back(*entry.pause);
            }
        }
    }
    player_.set_stops(std::move(stops));
}

void CheckpointController::setEnabled(bool enabled) {
    if (enabled == enabled_) {
        return;
    }
    enabled_ = enabled;
    app_settings().setValue(kEnabledKey, enabled_);
    update_stops();
    emit enabledChanged();
}

QVariantList CheckpointController::items() const {
    QVariantList list;
    for (const Entry& entry : entries_) {
        list.append(QVariantMap{
            {QStringLiteral("id"), QString::fromStdString(entry.checkpoint.id)},
            {QStringLiteral("question"), QString::fromStdString(entry.checkpoint.question)},
            {QStringLiteral("position"), entry.pause ? static_cast<int>(*entry.pause) : -1},
            {QStringLiteral("status"), entry.status},
        });
    }
    return list;
}

QString CheckpointController::checkpointId() const {
    return current_ ? QString::fromStdString(current().id) : QString();
}

QString CheckpointController::question() const {
    return current_ ? QString::fromStdString(current().question) : QString();
}

QStringList CheckpointController::choices() const {
    QStringList list;
    if (current_) {
        for (const std::string& choice : current().choices) {
            list.append(QString::fromStdString(choice));
        }
    }
    return list;
}

bool CheckpointController::ordersChoices() const {
    return current_ && current().check.kind == lesson::CheckKind::OutputOrder;
}

QString CheckpointController::explanation() const {
    return current_ ? QString::fromStdString(current().explanation) : QString();
}

QString CheckpointController::settings_key(const lesson::Checkpoint& checkpoint) const {
    return QStringLiteral("answers/%1/%2")
        .arg(lesson_key(file_path_), QString::fromStdString(checkpoint.id));
}

QString CheckpointController::stored_answer(const QString& lesson_file_path, const QString& id) {
    return app_settings()
        .value(QStringLiteral("answers/%1/%2").arg(lesson_key(lesson_file_path), id))
        .toString();
}

void CheckpointController::on_stop_reached(int position) {
    if (!enabled_) {
        return;
    }
    queued_.clear();
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].pause == static_cast<std::size_t>(position)) {
            queued_.push_back(i);
        }
    }
    if (queued_.empty()) {
        return;
    }
    const std::size_t first = queued_.front();
    queued_.erase(queued_.begin());
    open_card(first);
}

void CheckpointController::open_card(std::size_t index) {
    current_ = index;
    verdict_ = QStringLiteral("question");
    given_.clear();
    decided_.clear();
    reason_.clear();
    emit cardChanged();
}

void CheckpointController::close_card() {
    if (!current_) {
        return;
    }
    current_.reset();
    queued_.clear();
    verdict_.clear();
    given_.clear();
    decided_.clear();
    reason_.clear();
    emit cardChanged();
}

bool CheckpointController::decide() {
    const lesson::TraceAnswer answer =
        lesson::decide_answer(current(), store_.recorder(), file_name_);
    if (!answer.decided) {
        verdict_ = QStringLiteral("undecided");
        reason_ = run_live_ ? QStringLiteral("the run has not got that far yet")
                            : QString::fromStdString(answer.reason);
        return false;
    }
    decided_ = QString::fromStdString(answer.answer);
    return true;
}

void CheckpointController::answer(const QString& given) {
    if (!current_ || verdict_ != QStringLiteral("question")) {
        return;
    }
    given_ = given.trimmed();
    if (decide()) {
        const lesson::TraceAnswer decided{true, decided_.toStdString(), {}, 0};
        const bool correct = lesson::is_correct(current(), decided, given_.toStdString());
        verdict_ = correct ? QStringLiteral("correct") : QStringLiteral("wrong");
        Entry& entry = entries_[*current_];
        entry.status = verdict_;
        app_settings().setValue(settings_key(entry.checkpoint), verdict_);
        emit checkpointsChanged();
    }
    emit cardChanged();
}

void CheckpointController::pickChoice(int index) {
    if (current_ && index >= 0 && static_cast<std::size_t>(index) < current().choices.size()) {
        answer(QString::fromStdString(current().choices[static_cast<std::size_t>(index)]));
    }
}

void CheckpointController::showAnswer() {
    if (!current_ || verdict_ != QStringLiteral("question")) {
        return;
    }
    if (decide()) {
        verdict_ = QStringLiteral("shown");
    }
    emit cardChanged();
}

void CheckpointController::skip() {
    queued_.clear();
    continuePlaying();
}

void CheckpointController::continuePlaying() {
    if (!current_) {
        return;
    }
    if (!queued_.empty()) {
        const std::size_t next = queued_.front();
        queued_.erase(queued_.begin());
        open_card(next);
        return;
    }
    close_card();
    player_.play();
}

bool CheckpointController::askAt(int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= entries_.size() ||
        !entries_[static_cast<std::size_t>(index)].pause) {
        return false;
    }
    const auto at = static_cast<std::size_t>(index);
    close_card();
    moving_ = true;
    player_.pause();
    player_.seek(static_cast<int>(*entries_[at].pause));
    moving_ = false;
    open_card(at);
    return true;
}

bool CheckpointController::askById(const QString& id) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (QString::fromStdString(entries_[i].checkpoint.id) == id) {
            return askAt(static_cast<int>(i));
        }
    }
    return false;
}

}  // namespace loopscope::app
