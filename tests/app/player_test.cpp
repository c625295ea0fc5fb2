// The Player: seeking and stepping (by event, task step, loop iteration) land where they
// should and give the State folded up to there; playback runs on loop time.
#include "player.h"

#include <QSignalSpy>
#include <QtTest>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "app_test_support.h"

namespace loopscope::app {

using testing::find_kind;
using testing::record_scenario;
using trace::EventKind;

class PlayerTest : public QObject {
    Q_OBJECT

    // The state after `applied` events, folded from scratch.
    static trace::State fold(const TraceStore& store, std::size_t applied) {
        trace::State state;
        for (std::size_t i = 0; i < applied; ++i) {
            state.apply(store.event(i));
        }
        return state;
    }

private slots:
    void seeking_gives_the_state_folded_up_to_the_playhead() {
        TraceStore store;
        record_scenario("semaphore", store, 37);  // in uneven batches, as the engine delivers
        Player player(store);
        QSignalSpy changed(&player, &Player::stateChanged);
        for (const std::size_t at : {store.size() / 2, std::size_t{3}, store.size(), std::size_t{0},
                                     store.size() - 1, store.size() / 3}) {
            player.seek(static_cast<int>(at));
            QCOMPARE(player.position(), static_cast<int>(at));
            QVERIFY(player.state() == fold(store, at));
        }
        QCOMPARE(changed.count(), 6);
        player.seek(static_cast<int>(store.size()) + 100);
        QCOMPARE(player.position(), static_cast<int>(store.size()));
    }

    void stepping_by_event_moves_one_event() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        player.stepForward();
        player.stepForward();
        QCOMPARE(player.position(), 2);
        player.stepBack();
        QCOMPARE(player.position(), 1);
        QVERIFY(player.state() == fold(store, 1));
        player.stepBack();
        player.stepBack();
        QCOMPARE(player.position(), 0);
    }

    void stepping_by_task_step_lands_after_each_step_end() {
        TraceStore store;
        record_scenario("gather", store);
        Player player(store);
        std::vector<int> forward;
        for (std::size_t i = find_kind(store, EventKind::TaskStepEnd); i < store.size();
             i = find_kind(store, EventKind::TaskStepEnd, i + 1)) {
            player.stepTaskForward();
            QCOMPARE(player.position(), static_cast<int>(i) + 1);
            QCOMPARE(static_cast<int>(store.event(i).kind),
                     static_cast<int>(EventKind::TaskStepEnd));
            forward.push_back(player.position());
            QVERIFY(player.state().loop().running_task == 0);
        }
        QVERIFY(forward.size() >= 8);
        player.stepTaskForward();
        QCOMPARE(player.position(), static_cast<int>(store.size()));
        // And back through the same places.
        for (auto it = forward.rbegin(); it != forward.rend(); ++it) {
            player.stepTaskBack();
            QCOMPARE(player.position(), *it);
        }
        player.stepTaskBack();
        QCOMPARE(player.position(), 0);
    }

    void stepping_by_iteration_lands_at_each_iteration_start() {
        TraceStore store;
        record_scenario("queue", store);
        Player player(store);
        player.stepIterationForward();
        player.stepIterationForward();
        player.stepIterationForward();
        QCOMPARE(player.state().loop().iteration, 3u);
        QCOMPARE(
            static_cast<int>(store.event(static_cast<std::size_t>(player.position()) - 1).kind),
            static_cast<int>(EventKind::IterationBegin));
        player.stepIterationBack();
        QCOMPARE(player.state().loop().iteration, 2u);
        QCOMPARE(
            static_cast<int>(store.event(static_cast<std::size_t>(player.position()) - 1).kind),
            static_cast<int>(EventKind::IterationBegin));
        // From the middle of an iteration, back goes to that iteration's start.
        player.stepForward();
        player.stepForward();
        player.stepIterationBack();
        QCOMPARE(player.state().loop().iteration, 2u);
    }

    void stepping_by_line_lands_after_each_line_change_and_back() {
        TraceStore store;
        record_scenario("semaphore", store);
        Player player(store);
        // Independently: the task-line events that put their task on a new line.
        std::unordered_map<std::uint32_t, std::int64_t> line_of_task;
        std::vector<int> moves;
        std::size_t task_lines = 0;
        for (std::size_t i = 0; i < store.size(); ++i) {
            const trace::Event& event = store.event(i);
            if (event.kind != EventKind::TaskLine) {
                continue;
            }
            ++task_lines;
            auto [at, fresh] = line_of_task.try_emplace(event.subject, event.value);
            if (fresh || at->second != event.value) {
                moves.push_back(static_cast<int>(i) + 1);
                at->second = event.value;
            }
        }
        // main awaits its tasks one by one at line 12: those repeats are not line changes.
        QVERIFY(moves.size() >= 8);
        QVERIFY(moves.size() < task_lines);
        for (const int move : moves) {
            player.stepLineForward();
            QCOMPARE(player.position(), move);
            QVERIFY(player.state() == fold(store, static_cast<std::size_t>(move)));
        }
        player.stepLineForward();
        QCOMPARE(player.position(), player.count());
        for (auto it = moves.rbegin(); it != moves.rend(); ++it) {
            player.stepLineBack();
            QCOMPARE(player.position(), *it);
        }
        player.stepLineBack();
        QCOMPARE(player.position(), 0);
    }

    void playback_halts_at_a_stop_once_per_pass() {
        TraceStore store;
        record_scenario("gather", store);
        Player player(store);
        const int stop = static_cast<int>(store.size()) / 2;
        player.set_stops({static_cast<std::size_t>(stop)});
        QSignalSpy reached(&player, &Player::stopReached);
        const auto play_until_paused = [&player] {
            player.play();
            for (double wall = 0; player.playing() && wall < 60; wall += 1.0 / 60) {
                player.advance(1.0 / 60);
            }
        };
        play_until_paused();
        QCOMPARE(player.position(), stop);
        QCOMPARE(reached.count(), 1);
        QCOMPARE(reached.at(0).at(0).toInt(), stop);
        QVERIFY(player.state() == fold(store, static_cast<std::size_t>(stop)));
        // Playing on from the stop goes past it to the end.
        play_until_paused();
        QCOMPARE(player.position(), player.count());
        QCOMPARE(reached.count(), 1);
        // Seeking or stepping across it never halts there...
        player.seek(stop - 1);
        player.stepForward();
        player.stepForward();
        QCOMPARE(player.position(), stop + 1);
        QCOMPARE(reached.count(), 1);
        // ...but playing through it again from before it does.
        player.seek(3);
        play_until_paused();
        QCOMPARE(player.position(), stop);
        QCOMPARE(reached.count(), 2);
        // Without stops playback runs to the end.
        player.set_stops({});
        player.seek(3);
        play_until_paused();
        QCOMPARE(player.position(), player.count());
    }

    void jumps_reach_both_ends() {
        TraceStore store;
        record_scenario("cancel", store);
        Player player(store);
        player.jumpToEnd();
        QCOMPARE(player.position(), player.count());
        QCOMPARE(player.state().loop().phase, trace::LoopPhase::Closed);
        player.jumpToStart();
        QCOMPARE(player.position(), 0);
        QCOMPARE(player.state().tasks().size(), std::size_t{0});
    }

    void a_one_second_sleep_plays_in_one_second_at_normal_speed() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        // Stand just after main's first step: it is waiting on its 1 s timer.
        player.stepTaskForward();
        const double start = player.timeSeconds();
        const std::size_t fired = find_kind(store, EventKind::TimerFired);
        QVERIFY(fired < store.size());
        const Nanos timer_time = store.event(fired).time;
        player.play();
        double wall = 0;
        while (static_cast<std::size_t>(player.position()) <= fired && wall < 10) {
            player.advance(1.0 / 60);
            wall += 1.0 / 60;
        }
        const double loop_time = nanos_to_seconds(timer_time) - start;
        QVERIFY2(loop_time > 0.99, "main sleeps one second");
        // Loop time took its real length; the events between added their readable pace.
        QVERIFY2(wall >= loop_time - 1.0 / 60, qPrintable(QString::number(wall)));
        QVERIFY2(wall <= loop_time + 0.6, qPrintable(QString::number(wall)));
    }

    // While playback crosses main's 1 s sleep the playhead stays on the last event, but the
    // clock the countdowns read moves on, at the speed, and never past the next event.
    void the_clock_moves_on_between_events() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        player.stepTaskForward();
        const int waiting_at = player.position();
        const double start = player.clockSeconds();
        QCOMPARE(start, player.timeSeconds());
        QSignalSpy ticks(&player, &Player::clockChanged);
        player.play();
        // Past this instant's remaining events, then half a second into the sleep.
        for (int frame = 0; frame < 60 && player.clockSeconds() < start + 0.25; ++frame) {
            player.advance(1.0 / 60);
        }
        const int during = player.position();
        for (int frame = 0; frame < 15; ++frame) {
            player.advance(1.0 / 60);
        }
        QCOMPARE(player.position(), during);  // no event in the gap
        QVERIFY(during >= waiting_at);
        QVERIFY2(player.clockSeconds() > start + 0.4 && player.clockSeconds() < start + 1.0,
                 qPrintable(QString::number(player.clockSeconds() - start)));
        QVERIFY(ticks.count() >= 15);
        // Never beyond the next event; paused, it stays; a seek puts it on the event.
        const double next = nanos_to_seconds(store.event(static_cast<std::size_t>(during)).time);
        for (int frame = 0; frame < 600 && player.position() == during; ++frame) {
            player.advance(1.0 / 60);
            QVERIFY(player.clockSeconds() <= next + 1e-9 || player.position() != during);
        }
        player.pause();
        const double paused = player.clockSeconds();
        QCOMPARE(player.clockSeconds(), paused);
        player.seek(waiting_at);
        QCOMPARE(player.clockSeconds(), player.timeSeconds());
    }

    void speed_scales_playback_and_stays_in_range() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        player.setSpeed(100);
        QCOMPARE(player.speed(), Player::kMaxSpeed);
        player.setSpeed(0);
        QCOMPARE(player.speed(), Player::kMinSpeed);
        player.setSpeed(1);
        player.faster();
        QCOMPARE(player.speed(), 2.0);
        player.slower();
        player.slower();
        QCOMPARE(player.speed(), 0.5);

        // At 10x the whole scenario (about 1 s of loop time) plays in well under a second.
        player.setSpeed(10);
        player.play();
        double wall = 0;
        while (player.playing() && wall < 10) {
            player.advance(1.0 / 60);
            wall += 1.0 / 60;
        }
        QCOMPARE(player.position(), player.count());
        QVERIFY2(wall < 1.0, qPrintable(QString::number(wall)));
        QVERIFY(!player.playing());
    }

    void instants_play_at_a_readable_pace() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        player.play();
        player.advance(0.5);
        // Half a second at 1x: about twelve events of the first instant, not all of them.
        QVERIFY(player.position() >= 10);
        QVERIFY(player.position() <= 14);
    }

    void playing_on_after_a_seek_continues_from_there() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        player.play();
        for (int frame = 0; frame < 200; ++frame) {
            player.advance(1.0 / 60);  // past main's one-second sleep
        }
        QVERIFY(player.timeSeconds() >= 1.0);
        player.seek(3);
        player.advance(1.0 / 60);
        // A frame's worth of instants from event 3 on, not a rush to where playback had been.
        QVERIFY2(player.position() <= 5, qPrintable(QString::number(player.position())));
    }

    void following_tracks_the_live_edge() {
        TraceStore store;
        record_scenario("hello", store);
        Player player(store);
        player.setFollowing(true);
        QCOMPARE(player.position(), player.count());
        player.stepBack();
        QVERIFY(!player.following());
    }
};

}  // namespace loopscope::app

QTEST_GUILESS_MAIN(loopscope::app::PlayerTest)
#include "player_test.moc"
