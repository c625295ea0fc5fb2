#include "loop_stage.h"

#include <QStringList>
#include <QVariantMap>
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "async/future.h"
#include "player.h"
#include "trace/state_text.h"
#include "trace_store.h"

namespace loopscope::app {

namespace {

using trace::State;
using trace::TaskStatus;

QString seconds_text(Nanos nanos) {
    return QString::number(nanos_to_seconds(nanos), 'f', 3) + QStringLiteral(" s");
}

QString status_word(TaskStatus status) {
    switch (status) {
        case TaskStatus::Created:
        case TaskStatus::Ready:
            return QStringLiteral("ready");
        case TaskStatus::Running:
            return QStringLiteral("running");
        case TaskStatus::Waiting:
            return QStringLiteral("waiting");
        case TaskStatus::Done:
            return QStringLiteral("done");
        case TaskStatus::Cancelled:
            return QStringLiteral("cancelled");
        case TaskStatus::Failed:
            return QStringLiteral("failed");
    }
    return {};
}

QString await_kind_word(AwaitKind kind) {
    switch (kind) {
        case AwaitKind::Future:
            return QStringLiteral("future");
        case AwaitKind::Timer:
            return QStringLiteral("timer");
        case AwaitKind::Task:
            return QStringLiteral("task");
        case AwaitKind::Gather:
            return QStringLiteral("gather");
        case AwaitKind::TaskGroup:
            return QStringLiteral("TaskGroup");
        case AwaitKind::Lock:
            return QStringLiteral("Lock");
        case AwaitKind::Semaphore:
            return QStringLiteral("Semaphore");
        case AwaitKind::Event:
            return QStringLiteral("Event");
        case AwaitKind::Condition:
            return QStringLiteral("Condition");
        case AwaitKind::Queue:
            return QStringLiteral("Queue");
        case AwaitKind::ExecutorJob:
            return QStringLiteral("executor job");
        case AwaitKind::Shield:
            return QStringLiteral("shield");
        case AwaitKind::Wait:
            return QStringLiteral("wait");
    }
    return QStringLiteral("future");
}

// Beyond these the stage aggregates (UI.md, Scale): the cards past them are not shown, their
// places say how many there are.
constexpr int kCardsPerWaitGroup = 5;
constexpr int kWaitGroupsShown = 8;
constexpr int kReadyCardsShown = 12;
constexpr std::size_t kTimersShown = 8;
constexpr std::size_t kWaiterChipsShown = 24;

QString origin_word(trace::ReadyOrigin origin) {
    const std::string_view word = trace::to_string(origin);
    return QString::fromUtf8(word.data(), static_cast<qsizetype>(word.size()));
}

}  // namespace

double task_hue(std::uint32_t task_id) {
    // The golden ratio's fraction spreads consecutive ids around the colour wheel.
    const double turns = static_cast<double>(task_id) * 0.6180339887498949;
    return turns - std::floor(turns);
}

LoopStage::LoopStage(const TraceStore& store, const Player& player, QObject* parent)
    : QObject(parent),
      store_(store),
      player_(player),
      tasks_({"taskId", "name", "coroutine", "status", "place", "slot", "group", "awaitText", "hue",
              "steps", "outcome", "cancelRequests", "parentName", "current", "line", "lineRank",
              "cancelledBy", "shown"}),
      ready_({"handle", "label", "taskId", "taskName", "hue", "origin", "position", "inSnapshot",
              "cancelled"}),
      timers_({"handle", "label", "title", "taskName", "hue", "deadlineSeconds", "remainingSeconds",
               "fraction", "armedSeconds"}),
      wait_groups_({"objectId", "kind", "title", "column", "size"}),
      primitives_({"primitiveId", "kind", "title", "value", "detail", "ownerName", "waiters",
                   "waiterCount"}),
      jobs_({"jobId", "label", "worker", "status"}),
      console_({"event", "text", "taskName", "hue", "error"}) {
    connect(&player, &Player::stateChanged, this, &LoopStage::refresh);
    connect(&player, &Player::clockChanged, this, &LoopStage::clockChanged);
}

double LoopStage::clockSeconds() const {
    return player_.clockSeconds();
}

QString LoopStage::text(std::uint32_t label) const {
    const std::string_view view = store_.text(label);
    return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

QString LoopStage::task_name(std::uint32_t task) const {
    const State::Task* found = player_.state().task(task);
    if (found == nullptr) {
        return {};
    }
    return text(found->name);
}

QString LoopStage::timer_title(std::uint32_t handle, std::uint32_t label,
                               std::uint32_t task) const {
    if (task != 0) {
        return QStringLiteral("%1's sleep").arg(task_name(task));
    }
    QString named = text(label);
    if (!named.isEmpty()) {
        return named;
    }
    // A timer its emitter left unnamed (a timeout's deadline): a row must still say something.
    return QStringLiteral("timer #%1").arg(handle);
}

void LoopStage::refresh() {
    refresh_loop();
    refresh_tasks();
    refresh_ready();
    refresh_timers();
    refresh_primitives();
    refresh_jobs();
    refresh_console();
    refresh_cancel_moments();
    emit changed();
}

void LoopStage::refresh_cancel_moments() {
    cancel_moments_.clear();
    const auto position = static_cast<std::size_t>(std::max(player_.position(), 0));
    const std::size_t end = std::min(position, store_.size());
    if (end > last_position_ && end - last_position_ <= kMaxAnimatedMove) {
        const State& state = player_.state();
        for (std::size_t i = last_position_; i < end; ++i) {
            const trace::Event& event = store_.event(i);
            QString kind;
            std::uint32_t from = 0;
            switch (event.kind) {
                case trace::EventKind::CancelRequested:
                    kind = QStringLiteral("request");
                    from = event.object;
                    break;
                case trace::EventKind::CancelDelivered:
                    kind = QStringLiteral("delivered");
                    // Thrown at an awaited task: the error climbs out of it into this one.
                    from = state.task(event.object) != nullptr ? event.object : 0;
                    break;
                case trace::EventKind::TaskCancelled:
                    kind = QStringLiteral("cancelled");
                    break;
                default:
                    continue;
            }
            cancel_moments_.append(
                QVariantMap{{QStringLiteral("kind"), kind},
                            {QStringLiteral("from"), static_cast<int>(from)},
                            {QStringLiteral("to"), static_cast<int>(event.subject)},
                            {QStringLiteral("event"), static_cast<int>(i)}});
        }
    }
    last_position_ = position;
}

void LoopStage::refresh_loop() {
    const State& state = player_.state();
    const State::Loop& loop = state.loop();
    iteration_ = static_cast<int>(loop.iteration);
    now_seconds_ = nanos_to_seconds(loop.now);
    snapshot_left_ = static_cast<int>(loop.snapshot_left);
    running_label_ = loop.running_handle != 0 ? text(loop.running_label) : QString();
    if (running_label_.isEmpty() && loop.running_task != 0) {
        running_label_ = QStringLiteral("step of %1").arg(task_name(loop.running_task));
    }
    const std::string_view phase = trace::to_string(loop.phase);
    phase_ = QString::fromUtf8(phase.data(), static_cast<qsizetype>(phase.size()));

    switch (loop.phase) {
        case trace::LoopPhase::NotStarted:
            phase_detail_ = QStringLiteral("The loop has not started yet.");
            break;
        case trace::LoopPhase::IterationStart:
            phase_detail_ = QStringLiteral("Iteration %1 begins with %2 callbacks ready.")
                                .arg(iteration_)
                                .arg(loop.ready_at_iteration_start);
            break;
        case trace::LoopPhase::Polling: {
            if (loop.poll_timeout == 0) {
                phase_detail_ =
                    QStringLiteral("Polling for I/O without waiting: callbacks are ready.");
                break;
            }
            const std::vector<State::Timer> timers = state.timers_by_deadline();
            QString next;
            if (!timers.empty()) {
                next = QStringLiteral(" — next timer: %1")
                           .arg(timer_title(timers.front().handle, timers.front().label,
                                            timers.front().task));
            }
            phase_detail_ = loop.poll_timeout < 0
                                ? QStringLiteral(
                                      "Blocked in epoll_wait with no timeout: nothing "
                                      "is scheduled.")
                                : QStringLiteral("Blocked in epoll_wait for %1%2")
                                      .arg(seconds_text(loop.poll_timeout), next);
            break;
        }
        case trace::LoopPhase::FiringTimers:
            phase_detail_ = QStringLiteral(
                                "The clock moved on by %1: due timers join the ready "
                                "queue.")
                                .arg(seconds_text(loop.poll_waited));
            break;
        case trace::LoopPhase::RunningReady:
            phase_detail_ = QStringLiteral(
                                "Running the ready queue: %1 callbacks left in this "
                                "iteration.")
                                .arg(loop.snapshot_left);
            break;
        case trace::LoopPhase::Blocked:
            phase_detail_ = QStringLiteral(
                                "The loop thread was blocked for %1 (time.sleep): "
                                "nothing else could run.")
                                .arg(seconds_text(loop.blocked_for));
            break;
        case trace::LoopPhase::Stopped:
            phase_detail_ = QStringLiteral("The loop stopped.");
            break;
        case trace::LoopPhase::Closed:
            phase_detail_ = QStringLiteral("The loop is closed.");
            break;
    }

    const std::size_t position = static_cast<std::size_t>(player_.position());
    if (position == 0 || position > store_.size()) {
        last_event_.clear();
    } else {
        const trace::Event& event = store_.event(position - 1);
        const std::string_view kind = trace::to_string(event.kind);
        last_event_ = QStringLiteral("event #%1: %2")
                          .arg(position - 1)
                          .arg(QString::fromUtf8(kind.data(), static_cast<qsizetype>(kind.size())));
        if (event.subject != 0) {
            last_event_ += QStringLiteral(" #%1").arg(event.subject);
        }
    }
}

void LoopStage::refresh_tasks() {
    const State& state = player_.state();
    // The ready queue's order gives ready tasks their slot.
    std::unordered_map<std::uint32_t, int> ready_position;
    int position = 0;
    for (const State::ReadyCallback& callback : state.ready()) {
        if (callback.origin == trace::ReadyOrigin::TaskStep && callback.owner != 0) {
            ready_position.emplace(callback.owner, position);
        }
        ++position;
    }
    const int queue_length = position;

    // Waiting tasks are grouped by what they await, groups in order of first appearance.
    std::unordered_map<std::uint32_t, int> group_of;
    std::vector<int> group_size;
    std::vector<KeyedListModel::Row> groups;
    std::unordered_map<std::string, int> place_count;
    std::vector<KeyedListModel::Row> rows;
    int unqueued_ready = 0;
    int hidden_waiting = 0;
    std::unordered_map<int, int> tasks_on_line;  // line -> tasks marked there so far
    for (const State::Task& task : state.tasks()) {
        QString place = status_word(task.status);
        int slot = 0;
        int group = -1;
        QString await_text;
        if (task.status == TaskStatus::Waiting) {
            const std::uint32_t object = task.awaiting;
            auto [found, added] = group_of.emplace(object, static_cast<int>(groups.size()));
            group = found->second;
            if (added) {
                QString title;
                if (task.await_kind == AwaitKind::Timer) {
                    const State::Timer* timer = state.timer(object);
                    title =
                        timer != nullptr
                            ? QStringLiteral("sleep until %1").arg(seconds_text(timer->deadline))
                            : QStringLiteral("timer #%1").arg(object);
                } else if (task.await_kind == AwaitKind::Task) {
                    title = QStringLiteral("task %1").arg(task_name(object));
                } else {
                    title =
                        QStringLiteral("%1 #%2").arg(await_kind_word(task.await_kind)).arg(object);
                }
                group_size.push_back(0);
                groups.push_back(
                    {object, {object, await_kind_word(task.await_kind), title, group, 0}});
            }
            slot = group_size[static_cast<std::size_t>(group)]++;
            await_text = groups[static_cast<std::size_t>(group)].values[2].toString();
        } else if (task.status == TaskStatus::Ready || task.status == TaskStatus::Created) {
            const auto found = ready_position.find(task.id);
            // A task marked ready whose step is not queued yet goes to the queue's back.
            slot = found != ready_position.end() ? found->second : queue_length + unqueued_ready++;
        } else {
            slot = place_count[place.toStdString()]++;
        }
        bool shown = true;
        if (task.status == TaskStatus::Waiting) {
            shown = group < kWaitGroupsShown && slot < kCardsPerWaitGroup;
            hidden_waiting += shown ? 0 : 1;
        } else if (task.status == TaskStatus::Ready || task.status == TaskStatus::Created) {
            shown = slot < kReadyCardsShown;
        }
        const State::Task* parent = state.task(task.parent);
        const int line = task.finished() ? 0 : store_.line_of(task.id, state.applied());
        const int line_rank = line > 0 ? tasks_on_line[line]++ : 0;
        rows.push_back(
            {task.id,
             {task.id, text(task.name), text(task.coroutine), status_word(task.status), place, slot,
              group, await_text, task_hue(task.id), task.steps, text(task.outcome),
              task.cancel_requests, parent != nullptr ? text(parent->name) : QString(),
              state.loop().running_task == task.id, line, line_rank,
              task.cancel_requests > 0 || task.cancel_thrown
                  ? (task.cancel_requested_by != 0 ? task_name(task.cancel_requested_by)
                                                   : QStringLiteral("outside any task"))
                  : QString(),
              shown}});
    }
    for (KeyedListModel::Row& group : groups) {
        group.values[4] = group_size[static_cast<std::size_t>(group.values[3].toInt())];
    }
    tasks_.sync(std::move(rows));
    wait_groups_.sync(std::move(groups));
    ready_count_ = queue_length + unqueued_ready;
    done_count_ = place_count["done"];
    cancelled_count_ = place_count["cancelled"];
    failed_count_ = place_count["failed"];
    hidden_waiting_ = hidden_waiting;
    waiting_count_ = 0;
    for (const int size : group_size) {
        waiting_count_ += size;
    }
}

void LoopStage::refresh_ready() {
    const State& state = player_.state();
    std::vector<KeyedListModel::Row> rows;
    int position = 0;
    for (const State::ReadyCallback& callback : state.ready()) {
        const bool task_owned = callback.origin == trace::ReadyOrigin::TaskStep ||
                                callback.origin == trace::ReadyOrigin::Timer;
        const std::uint32_t task = task_owned ? callback.owner : 0;
        rows.push_back(
            {callback.handle,
             {callback.handle, text(callback.label), task, task_name(task),
              task != 0 ? task_hue(task) : -1.0, origin_word(callback.origin), position,
              position < static_cast<int>(state.loop().snapshot_left), callback.cancelled}});
        ++position;
    }
    // Past the cards shown, the queue is a count.
    if (rows.size() > static_cast<std::size_t>(kReadyCardsShown)) {
        rows.resize(static_cast<std::size_t>(kReadyCardsShown));
    }
    ready_.sync(std::move(rows));
}

void LoopStage::refresh_timers() {
    const State& state = player_.state();
    const Nanos now = state.loop().now;
    std::vector<KeyedListModel::Row> rows;
    for (const State::Timer& timer : state.timers_by_deadline()) {
        const Nanos armed = store_.timer_armed_at(timer.handle).value_or(now);
        const Nanos length = std::max<Nanos>(timer.deadline - armed, 1);
        const Nanos remaining = timer.deadline - now;
        const double fraction =
            std::clamp(static_cast<double>(remaining) / static_cast<double>(length), 0.0, 1.0);
        rows.push_back(
            {timer.handle,
             {timer.handle, text(timer.label), timer_title(timer.handle, timer.label, timer.task),
              task_name(timer.task), timer.task != 0 ? task_hue(timer.task) : -1.0,
              nanos_to_seconds(timer.deadline), nanos_to_seconds(remaining), fraction,
              nanos_to_seconds(armed)}});
    }
    timer_count_ = static_cast<int>(rows.size());
    if (rows.size() > kTimersShown) {
        rows.resize(kTimersShown);
    }
    timers_.sync(std::move(rows));
}

void LoopStage::refresh_primitives() {
    const State& state = player_.state();
    std::vector<KeyedListModel::Row> rows;
    std::vector<State::Waiter> waiters;
    for (const State::Primitive& primitive : state.primitives()) {
        state.waiters_of(primitive.id, waiters);
        QVariantList waiting;
        for (const State::Waiter& waiter : waiters) {
            if (static_cast<std::size_t>(waiting.size()) == kWaiterChipsShown) {
                break;
            }
            waiting.append(QVariantMap{{QStringLiteral("name"), task_name(waiter.task)},
                                       {QStringLiteral("hue"), task_hue(waiter.task)},
                                       {QStringLiteral("woken"), waiter.woken},
                                       {QStringLiteral("role"), static_cast<int>(waiter.role)}});
        }
        QString detail;
        switch (primitive.kind) {
            case AwaitKind::Lock:
                detail =
                    primitive.value != 0 ? QStringLiteral("locked") : QStringLiteral("unlocked");
                break;
            case AwaitKind::Semaphore:
                detail =
                    QStringLiteral("value %1 of %2").arg(primitive.value).arg(primitive.initial);
                break;
            case AwaitKind::Event:
                detail = primitive.value != 0 ? QStringLiteral("set") : QStringLiteral("clear");
                break;
            case AwaitKind::Queue:
                detail = primitive.initial != 0 ? QStringLiteral("%1 of %2 items")
                                                      .arg(primitive.value)
                                                      .arg(primitive.initial)
                                                : QStringLiteral("%1 items").arg(primitive.value);
                break;
            default:
                detail = QStringLiteral("value %1").arg(primitive.value);
                break;
        }
        rows.push_back(
            {primitive.id,
             {primitive.id, await_kind_word(primitive.kind),
              QStringLiteral("%1 #%2").arg(await_kind_word(primitive.kind)).arg(primitive.id),
              static_cast<qlonglong>(primitive.value), detail, task_name(primitive.owner), waiting,
              static_cast<int>(waiters.size())}});
    }
    primitives_.sync(std::move(rows));
}

void LoopStage::refresh_jobs() {
    const State& state = player_.state();
    std::vector<KeyedListModel::Row> rows;
    for (const State::Job& job : state.jobs()) {
        if (job.status == trace::JobStatus::Finished) {
            continue;
        }
        const std::string_view status = trace::to_string(job.status);
        rows.push_back({job.id,
                        {job.id, text(job.label), job.worker,
                         QString::fromUtf8(status.data(), static_cast<qsizetype>(status.size()))}});
    }
    jobs_.sync(std::move(rows));
}

void LoopStage::refresh_console() {
    // The lines printed before the playhead; only the last kConsoleLines of them, so that an
    // endless printer costs the same per frame as a short one.
    constexpr std::size_t kConsoleLines = 500;
    // A run without events (a script that never started a loop) still shows what it printed.
    const std::size_t position = store_.size() == 0 ? std::numeric_limits<std::size_t>::max()
                                                    : static_cast<std::size_t>(player_.position());
    const auto& lines = store_.console();
    const auto end = std::lower_bound(
        lines.begin(), lines.end(), position,
        [](const TraceStore::ConsoleLine& line, std::size_t at) { return line.event < at; });
    const auto begin = end - static_cast<std::ptrdiff_t>(std::min(
                                 kConsoleLines, static_cast<std::size_t>(end - lines.begin())));
    std::vector<KeyedListModel::Row> rows;
    for (auto line = begin; line != end; ++line) {
        const QString printed =
            QString::fromUtf8(line->text.data(), static_cast<qsizetype>(line->text.size()));
        rows.push_back({line->event,
                        {static_cast<qulonglong>(line->event), printed, task_name(line->task),
                         line->task != 0 ? task_hue(line->task) : -1.0, line->error}});
    }
    console_.sync(std::move(rows));
}

}  // namespace loopscope::app
