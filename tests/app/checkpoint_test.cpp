// The CheckpointController over a recorded trace: pauses found on the trace become the player's
// stops, playing through one opens its card, answers are checked against the trace and kept
// in the settings, checkpoints sharing a pause are asked one after the other, and turning
// checkpoints off lets playback run through.
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app_test_support.h"
#include "checkpoint_controller.h"
#include "player.h"

namespace loopscope::app {

using testing::record_scenario;

namespace {

// Two checkpoints at the same moment of the `gather` scenario: fetch('c') (0.5 s) is done,
// fetch('a') (1 s) and fetch('b') (2 s) sleep.
constexpr const char* kLesson = R"("""
# Gather checkpoints
"""
# checkpoint: sleepers
#   pause: time 0.75
#   ask: How many tasks wait on a timer?
#   check: waiting timer
#   answer: 2
#   explain: c is done; a and b still sleep.
#
# checkpoint: finished
#   pause: time 0.75
#   ask: How many tasks are done?
#   check: tasks done
#   choices: 0 | 1 | 2
#   answer: 1
)";

// A checkpoint paused at gather's line 10 (`await gather(a, b, c)`), just after main's step.
std::string gathered_lesson() {
    return std::string("# checkpoint: gathered\n") + "#   pause: line\n" +
           "#   ask: Which task runs next?\n" + "#   check: next-step\n" +
           "#   answer: fetch('a')\n" + std::string(4, '\n') + "await gather(a, b, c)\n";
}

// Delivers `whole` to `store` one event at a time, as a live run does, with the player
// following the edge; returns after how many events the player halted (-1: never).
int follow_live_edge(const TraceStore& whole, TraceStore& store, Player& player,
                     CheckpointController& checkpoints) {
    QSignalSpy stops(&player, &Player::stopReached);
    player.setFollowing(true);
    TraceStreamer streamer;
    int halted_after = -1;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        TraceBatch batch;
        streamer.take(whole.recorder(), batch, 1);
        store.append(std::move(batch));
        player.on_trace_grew();
        checkpoints.locate(false);
        if (halted_after < 0 && !stops.isEmpty()) {
            halted_after = static_cast<int>(i) + 1;
        }
    }
    checkpoints.locate(true);
    return stops.count() > 1 ? -2 : halted_after;  // -2: halted more than once
}

void play_until_paused(Player& player) {
    player.play();
    for (double wall = 0; player.playing() && wall < 60; wall += 1.0 / 60) {
        player.advance(1.0 / 60);
    }
}

}  // namespace

class CheckpointTest : public QObject {
    Q_OBJECT

    QTemporaryDir settings_dir_;

private slots:
    void initTestCase() {
        // Answers go to a throwaway folder, never the user's settings.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(settings_dir_.path()));
        QStandardPaths::setTestModeEnabled(true);
    }

    void playing_through_a_pause_asks_each_checkpoint_there_in_turn() {
        TraceStore store;
        record_scenario("gather", store);
        Player player(store);
        CheckpointController checkpoints(store, player);
        checkpoints.setEnabled(true);
        checkpoints.load(kLesson, QStringLiteral("/somewhere/09_gather_test.py"));
        QCOMPARE(checkpoints.count(), 2);
        checkpoints.locate(true);
        const int pause =
            checkpoints.items().at(0).toMap().value(QStringLiteral("position")).toInt();
        QVERIFY(pause > 0);
        QCOMPARE(checkpoints.items().at(1).toMap().value(QStringLiteral("position")).toInt(),
                 pause);

        play_until_paused(player);
        QCOMPARE(player.position(), pause);
        QVERIFY(checkpoints.open());
        QCOMPARE(checkpoints.checkpointId(), QStringLiteral("sleepers"));
        QCOMPARE(checkpoints.verdict(), QStringLiteral("question"));
        QVERIFY(checkpoints.choices().isEmpty());

        checkpoints.answer(QStringLiteral(" 2 "));
        QCOMPARE(checkpoints.verdict(), QStringLiteral("correct"));
        QCOMPARE(checkpoints.decided(), QStringLiteral("2"));
        QCOMPARE(checkpoints.explanation(), QStringLiteral("c is done; a and b still sleep."));
        QCOMPARE(CheckpointController::stored_answer(QStringLiteral("09_gather_test.py"),
                                                     QStringLiteral("sleepers")),
                 QStringLiteral("correct"));

        // The next checkpoint at the same pause opens without playing on.
        checkpoints.continuePlaying();
        QVERIFY(!player.playing());
        QCOMPARE(checkpoints.checkpointId(), QStringLiteral("finished"));
        QCOMPARE(checkpoints.choices(), QStringList({"0", "1", "2"}));
        checkpoints.pickChoice(0);
        QCOMPARE(checkpoints.verdict(), QStringLiteral("wrong"));
        QCOMPARE(checkpoints.decided(), QStringLiteral("1"));
        QCOMPARE(checkpoints.items().at(1).toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("wrong"));

        checkpoints.continuePlaying();
        QVERIFY(!checkpoints.open());
        QVERIFY(player.playing());
        play_until_paused(player);
        QCOMPARE(player.position(), player.count());
    }

    void moving_away_closes_the_card_and_off_means_no_stops() {
        TraceStore store;
        record_scenario("gather", store);
        Player player(store);
        CheckpointController checkpoints(store, player);
        checkpoints.setEnabled(true);
        checkpoints.load(kLesson, QStringLiteral("09_gather_test.py"));
        checkpoints.locate(true);
        QVERIFY(checkpoints.askById(QStringLiteral("finished")));
        QVERIFY(checkpoints.open());
        const int pause = player.position();
        // Show answer: the run's answer, nothing stored over the earlier verdict.
        checkpoints.showAnswer();
        QCOMPARE(checkpoints.verdict(), QStringLiteral("shown"));
        QCOMPARE(checkpoints.decided(), QStringLiteral("1"));
        player.seek(pause + 1);
        QVERIFY(!checkpoints.open());

        checkpoints.setEnabled(false);
        player.seek(0);
        QSignalSpy reached(&player, &Player::stopReached);
        play_until_paused(player);
        QCOMPARE(player.position(), player.count());
        QCOMPARE(reached.count(), 0);
        QVERIFY(!checkpoints.open());
        // The choice is remembered for the next session.
        CheckpointController later(store, player);
        QVERIFY(!later.enabled());
        later.setEnabled(true);
    }

    // gather's main records line 10 inside its step, before `await gather(...)`: the pause
    // is after that step's end, which a trace still arriving may not hold yet.
    void a_pause_found_while_the_trace_arrives_is_the_final_one() {
        const std::string lesson = gathered_lesson();
        TraceStore whole;
        record_scenario("gather", whole);
        Player whole_player(whole);
        CheckpointController final_answer(whole, whole_player);
        final_answer.load(lesson, QStringLiteral("scenario.py"));
        QCOMPARE(final_answer.count(), 1);
        final_answer.locate(true);
        const int expected = final_answer.items().at(0).toMap().value("position").toInt();
        QVERIFY(expected > 0);
        QCOMPARE(static_cast<int>(whole.event(static_cast<std::size_t>(expected) - 1).kind),
                 static_cast<int>(trace::EventKind::TaskStepEnd));

        // The same trace, one event at a time.
        TraceStore store;
        Player player(store);
        CheckpointController checkpoints(store, player);
        checkpoints.load(lesson, QStringLiteral("scenario.py"));
        TraceBatch batch;
        TraceStreamer streamer;
        for (std::size_t i = 0; i < whole.size(); ++i) {
            batch = {};
            streamer.take(whole.recorder(), batch, 1);
            store.append(std::move(batch));
            checkpoints.locate(false);
            const int found = checkpoints.items().at(0).toMap().value("position").toInt();
            QVERIFY2(found == -1 || found == expected,
                     qPrintable(QStringLiteral("after %1 events: %2").arg(i + 1).arg(found)));
        }
        checkpoints.locate(true);
        QCOMPARE(checkpoints.items().at(0).toMap().value("position").toInt(), expected);
    }

    // Live mode: the playhead follows the edge of a trace still arriving, and passes the pause
    // before the trace settles it. Once it is settled the playhead goes back there, following
    // ends and the card asks, once; the trace goes on growing behind it.
    void following_the_live_edge_goes_back_to_a_pause_and_asks_once() {
        const std::string lesson = gathered_lesson();
        TraceStore whole;
        record_scenario("gather", whole);
        TraceStore store;
        Player player(store);
        CheckpointController checkpoints(store, player);
        checkpoints.setEnabled(true);
        checkpoints.load(lesson, QStringLiteral("scenario.py"));
        const int halted_after = follow_live_edge(whole, store, player, checkpoints);
        const int pause = checkpoints.items().at(0).toMap().value("position").toInt();
        QVERIFY(pause > 0);
        QVERIFY2(halted_after > pause,  // the edge had gone past it
                 qPrintable(QStringLiteral("%1 vs %2").arg(halted_after).arg(pause)));
        QCOMPARE(player.position(), pause);
        QVERIFY(!player.following());
        QVERIFY(!player.playing());
        QVERIFY(checkpoints.open());
        QCOMPARE(checkpoints.checkpointId(), QStringLiteral("gathered"));
        QCOMPARE(player.count(), static_cast<int>(whole.size()));

        // Off: following the edge runs straight through.
        checkpoints.skip();
        player.pause();
        checkpoints.setEnabled(false);
        TraceStore again;
        Player following(again);
        CheckpointController off(again, following);
        off.setEnabled(false);
        off.load(lesson, QStringLiteral("scenario.py"));
        QCOMPARE(follow_live_edge(whole, again, following, off), -1);
        QCOMPARE(following.position(), following.count());
        checkpoints.setEnabled(true);
    }

    void a_built_in_scenario_has_no_checkpoints() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        CheckpointController checkpoints(store, player);
        checkpoints.load({}, {});
        checkpoints.locate(true);
        QCOMPARE(checkpoints.count(), 0);
        play_until_paused(player);
        QCOMPARE(player.position(), player.count());
    }
};

}  // namespace loopscope::app

QTEST_GUILESS_MAIN(loopscope::app::CheckpointTest)
#include "checkpoint_test.moc"
