// The models: KeyedListModel turns a new list into the old one with row removals, moves and
// insertions by key (what lets views animate), and the LoopStage's models show the State at
// the playhead: tasks in their places, the ready queue in FIFO order, timers by deadline,
// primitives with their waiters.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>
#include <memory>

#include "app_test_support.h"
#include "async/future.h"
#include "keyed_list_model.h"
#include "loop_stage.h"
#include "player.h"

namespace loopscope::app {

using testing::find_kind;
using testing::record_scenario;
using trace::EventKind;

namespace {

std::vector<KeyedListModel::Row> rows_of(std::initializer_list<int> keys) {
    std::vector<KeyedListModel::Row> rows;
    for (const int key : keys) {
        rows.push_back({static_cast<quint64>(key), {key, QStringLiteral("row %1").arg(key)}});
    }
    return rows;
}

QList<int> keys_of(const KeyedListModel& model) {
    QList<int> keys;
    for (int row = 0; row < model.rowCount(); ++row) {
        keys.append(model.get(row, QStringLiteral("key")).toInt());
    }
    return keys;
}

}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void sync_signals_inserts_removes_and_moves_by_key() {
        KeyedListModel model({"key", "text"});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.sync(rows_of({1, 2, 3}));
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(keys_of(model), (QList<int>{1, 2, 3}));

        // The queue's front leaves and a new task joins at the back: one removal, one
        // insertion, and the others are left alone (they slide up in the view).
        inserted.clear();
        model.sync(rows_of({2, 3, 4}));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(moved.count(), 0);
        QCOMPARE(changed.count(), 0);

        // A reorder is a move, not a remove and an insert.
        removed.clear();
        inserted.clear();
        model.sync(rows_of({4, 2, 3}));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(keys_of(model), (QList<int>{4, 2, 3}));

        // Changed values are dataChanged for that row only.
        std::vector<KeyedListModel::Row> rows = rows_of({4, 2, 3});
        rows[1].values[1] = QStringLiteral("renamed");
        model.sync(std::move(rows));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.get(1, QStringLiteral("text")).toString(), QStringLiteral("renamed"));

        model.sync({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
    }

    void the_stage_shows_the_state_at_the_playhead() {
        TraceStore store;
        record_scenario("semaphore", store);
        Player player(store);
        LoopStage stage(store, player);
        QAbstractItemModelTester tasks_tester(
            stage.tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester ready_tester(
            stage.ready(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Just before the first release, two fetches hold the semaphore and three wait on it.
        const std::size_t release = find_kind(store, EventKind::LockReleased);
        player.seek(static_cast<int>(release));
        const trace::State& state = player.state();
        QCOMPARE(stage.tasks()->rowCount(), static_cast<int>(state.tasks().size()));
        int waiting_on_semaphore = 0;
        for (int row = 0; row < stage.tasks()->rowCount(); ++row) {
            const QString place = stage.tasks()->get(row, QStringLiteral("place")).toString();
            const QString awaiting =
                stage.tasks()->get(row, QStringLiteral("awaitText")).toString();
            if (place == QStringLiteral("waiting") &&
                awaiting.startsWith(QStringLiteral("Semaphore"))) {
                ++waiting_on_semaphore;
            }
        }
        QCOMPARE(waiting_on_semaphore, 3);
        QCOMPARE(stage.primitives()->rowCount(), 1);
        QCOMPARE(stage.primitives()->get(0, QStringLiteral("waiters")).toList().size(), 3);
        QCOMPARE(stage.iteration(), static_cast<int>(state.loop().iteration));

        // The timers, by deadline.
        double previous = -1;
        QVERIFY(stage.timers()->rowCount() >= 1);
        for (int row = 0; row < stage.timers()->rowCount(); ++row) {
            const double deadline =
                stage.timers()->get(row, QStringLiteral("deadlineSeconds")).toDouble();
            QVERIFY(deadline >= previous);
            previous = deadline;
        }
    }

    void the_ready_queue_model_is_fifo_and_moves_by_rows() {
        TraceStore store;
        record_scenario("gather", store);
        Player player(store);
        LoopStage stage(store, player);
        QSignalSpy removed(stage.ready(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(stage.ready(), &QAbstractItemModel::modelReset);
        // Step through the whole run, checking the ready model against the State each time.
        for (int at = 0; at <= player.count(); ++at) {
            player.seek(at);
            const auto ready = player.state().ready();
            QCOMPARE(stage.ready()->rowCount(), static_cast<int>(ready.size()));
            for (std::size_t i = 0; i < ready.size(); ++i) {
                QCOMPARE(stage.ready()->get(static_cast<int>(i), QStringLiteral("handle")).toUInt(),
                         ready[i].handle);
            }
        }
        // Callbacks left the queue's front one by one: row signals, never a reset.
        QVERIFY(removed.count() > 5);
        QCOMPARE(reset.count(), 0);
    }

    void finished_tasks_go_to_their_trays_and_the_console_follows_the_playhead() {
        TraceStore store;
        record_scenario("cancel", store);
        Player player(store);
        LoopStage stage(store, player);
        player.jumpToEnd();
        QStringList places;
        for (int row = 0; row < stage.tasks()->rowCount(); ++row) {
            places.append(stage.tasks()->get(row, QStringLiteral("place")).toString());
        }
        QCOMPARE(places, (QStringList{"done", "cancelled", "cancelled"}));
        QCOMPARE(stage.console()->rowCount(), 2);
        QCOMPARE(stage.console()->get(1, QStringLiteral("text")).toString(),
                 QStringLiteral("main: outer was cancelled"));
        player.seek(static_cast<int>(store.console().front().event));
        QCOMPARE(stage.console()->rowCount(), 0);
        player.stepForward();
        QCOMPARE(stage.console()->rowCount(), 1);
    }

    // Every model of the stage stays consistent (QAbstractItemModelTester checks each signal)
    // while the playhead walks every scenario forward, back, and jumps around.
    void every_model_stays_consistent_through_every_scenario() {
        for (const DemoScenario& scenario : demo_scenarios()) {
            if (scenario.id == "forever") {
                continue;
            }
            TraceStore store;
            record_scenario(scenario.id, store);
            Player player(store);
            LoopStage stage(store, player);
            std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
            for (KeyedListModel* model :
                 {stage.tasks(), stage.ready(), stage.timers(), stage.waitGroups(),
                  stage.primitives(), stage.jobs(), stage.console()}) {
                testers.push_back(std::make_unique<QAbstractItemModelTester>(
                    model, QAbstractItemModelTester::FailureReportingMode::QtTest));
            }
            // Every position of the small ones; about a thousand of the crowd's.
            const int stride = std::max(1, player.count() / 1000);
            for (int at = 0; at <= player.count(); at += stride) {
                player.seek(at);
            }
            for (int at = player.count(); at >= 0; at -= 7 * stride) {
                player.seek(at);
            }
            for (int at = 0; at < player.count(); at += player.count() / 5 + 1) {
                player.seek(player.count() - at);
                player.seek(at);
            }
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }

    void the_blocking_scenario_shows_late_timers() {
        TraceStore store;
        record_scenario("blocking", store);
        Player player(store);
        LoopStage stage(store, player);
        const std::size_t blocked = find_kind(store, EventKind::LoopBlocked);
        QVERIFY(blocked < store.size());
        player.seek(static_cast<int>(find_kind(store, EventKind::TaskStepEnd, blocked)) + 1);
        bool late = false;
        for (int row = 0; row < stage.timers()->rowCount(); ++row) {
            late =
                late || stage.timers()->get(row, QStringLiteral("remainingSeconds")).toDouble() < 0;
        }
        QVERIFY2(late, "after a 1 s block the tickers' timers are overdue");
    }
};

}  // namespace loopscope::app

QTEST_GUILESS_MAIN(loopscope::app::ModelsTest)
#include "models_test.moc"
