// Live mode (docs/APP.md "Live mode"): runs on the real clock at the chosen speed. The same
// script prints the same output as on the virtual clock; waiting really takes wall time (loop
// time / speed); the trace arrives while the run goes on; the speed can be turned mid-run;
// turning live mode on re-runs the scenario; every asyncio.run of a script is on the stage.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine.h"
#include "interpreter_runner.h"

namespace loopscope::app {

namespace {

std::string console_text(const Engine& engine, bool errors) {
    std::string text;
    for (const TraceStore::ConsoleLine& line : engine.store().console()) {
        if (line.error == errors) {
            text += line.text + "\n";
        }
    }
    return text;
}

QString lesson_path(const char* name) {
    return QString::fromStdString(
        (std::filesystem::path(LOOPSCOPE_LESSONS_DIR) / (std::string(name) + ".py")).string());
}

// Runs to the end, delivering as the GUI would (once per frame); returns the wall seconds.
double run_timed(Engine& engine, const ScenarioSource& source, int* deliveries_while_running) {
    QSignalSpy grew(&engine, &Engine::traceGrew);
    QElapsedTimer clock;
    clock.start();
    engine.run(source);
    QSignalSpy finished(&engine, &Engine::runFinished);
    int before_end = 0;
    while (engine.running()) {
        QTest::qWait(5);
        if (engine.running()) {
            before_end = static_cast<int>(grew.count());
        }
    }
    if (deliveries_while_running != nullptr) {
        *deliveries_while_running = before_end;
    }
    return static_cast<double>(clock.nsecsElapsed()) / 1e9;
}

}  // namespace

class LiveModeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { Engine::set_script_runner(interpreter_script_runner()); }

    // Lesson 1 (timers) and lesson 13 (to_thread on real threads, time.sleep in them): the
    // console is the same, character for character, on both clocks.
    void a_lesson_prints_the_same_live_as_on_the_virtual_clock_data() {
        QTest::addColumn<QString>("lesson");
        QTest::newRow("01") << QStringLiteral("01_hello_event_loop");
        QTest::newRow("13") << QStringLiteral("13_threads_for_blocking");
    }
    void a_lesson_prints_the_same_live_as_on_the_virtual_clock() {
        QFETCH(QString, lesson);
        const QString path = lesson_path(lesson.toUtf8().constData());
        Engine engine;
        QElapsedTimer clock;
        clock.start();
        engine.runScript(path);
        engine.wait_until_finished();
        const double virtual_wall = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        QVERIFY(!engine.liveRun());
        const std::string out = console_text(engine, false);
        const std::string err = console_text(engine, true);
        const double loop_seconds = nanos_to_seconds(engine.store().end_time());
        QVERIFY(!out.empty());
        QVERIFY(loop_seconds > 1.0);

        // 4x: the lesson prints times to a tenth of a second, and a loaded machine's
        // scheduling delays are four times smaller in loop time than at 10x. Still, a thread
        // or a timer 13 ms late in wall time is 0.05 s late in loop time, enough to print
        // "1.0 s" for "0.9 s" or to swap two reports 0.1 s apart; CPython on a loaded machine
        // does the same. So a live run may be tried again, up to three times in all: a live
        // console that differs every time still fails.
        engine.setLiveSpeed(4);
        QSignalSpy started(&engine, &Engine::runStarted);
        engine.setLive(true);  // runs it again, live
        QCOMPARE(started.count(), 1);
        QVERIFY(engine.liveRun());
        double live_wall = 0;
        constexpr int kLiveAttempts = 3;
        for (int attempt = 1;; ++attempt) {
            if (attempt > 1) {
                engine.rerun();
            }
            clock.restart();
            engine.wait_until_finished();
            live_wall = static_cast<double>(clock.nsecsElapsed()) / 1e9;
            QCOMPARE(engine.status(), QStringLiteral("finished"));
            const std::string live_out = console_text(engine, false);
            const std::string live_err = console_text(engine, true);
            if ((live_out == out && live_err == err) || attempt == kLiveAttempts) {
                QCOMPARE(live_out, out);
                QCOMPARE(live_err, err);
                break;
            }
            qWarning("live attempt %d printed differently:\n%s%s", attempt, live_out.c_str(),
                     live_err.c_str());
        }
        // The real clock really waited: the run's loop time at 4x, give or take.
        const double live_loop_seconds = nanos_to_seconds(engine.store().end_time());
        QVERIFY2(live_wall >= 0.9 * live_loop_seconds / 4,
                 qPrintable(QStringLiteral("live %1 s for %2 s of loop time")
                                .arg(live_wall)
                                .arg(live_loop_seconds)));
        QVERIFY2(live_loop_seconds >= loop_seconds * 0.98,
                 qPrintable(QStringLiteral("%1 vs %2").arg(live_loop_seconds).arg(loop_seconds)));
        QVERIFY(virtual_wall < live_wall);
    }

    // A built-in scenario live at 4x: its 1 s sleep takes 0.25 s of wall time, and the trace
    // reaches the store in pieces while the run goes on, not all at the end.
    void a_builtin_scenario_streams_while_the_real_clock_runs() {
        Engine engine;
        engine.setLive(true);
        engine.setLiveSpeed(4);
        int deliveries = 0;
        const double wall =
            run_timed(engine, ScenarioSource::builtin(QStringLiteral("gather")), &deliveries);
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        const double loop_seconds = nanos_to_seconds(engine.store().end_time());
        QVERIFY(loop_seconds > 0.5);
        QVERIFY2(wall >= 0.9 * loop_seconds / 4, qPrintable(QString::number(wall)));
        QVERIFY2(deliveries >= 2, qPrintable(QString::number(deliveries)));
    }

    // Turning the speed reaches a live run at once: a 1 s sleep started at 0.1x (10 s of wall
    // time) ends within a second once the speed is 10x.
    void turning_the_speed_reaches_a_live_run() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("slow.py"));
        std::ofstream(path.toStdString()) << "import asyncio\n\nasync def main():\n"
                                             "    await asyncio.sleep(1)\n    print('woke')\n\n"
                                             "asyncio.run(main())\n";
        Engine engine;
        engine.setLive(true);
        engine.setLiveSpeed(0.1);
        QElapsedTimer clock;
        clock.start();
        engine.runScript(path);
        QTest::qWait(150);
        QVERIFY(engine.running());
        engine.setLiveSpeed(10);
        QVERIFY(engine.wait_until_finished(std::chrono::milliseconds(5000)));
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(console_text(engine, false), std::string("woke\n"));
    }

    // Stop ends a live run at once, even while its loop is blocked until a timer far away.
    void stop_wakes_a_live_loop_blocked_on_a_far_timer() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("far.py"));
        std::ofstream(path.toStdString()) << "import asyncio\n\nasync def main():\n"
                                             "    await asyncio.sleep(100)\n\n"
                                             "asyncio.run(main())\n";
        Engine engine;
        engine.setLive(true);
        engine.setLiveSpeed(1);
        engine.runScript(path);
        QTest::qWait(300);
        QVERIFY(engine.running());
        QElapsedTimer clock;
        clock.start();
        engine.stop();
        engine.wait_until_finished();
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(engine.status(), QStringLiteral("stopped"));

        // The same for a built-in scenario's loop (its stop check is before each poll).
        engine.runScenario(QStringLiteral("forever"));
        QTest::qWait(300);
        clock.restart();
        engine.stop();
        engine.wait_until_finished();
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(engine.status(), QStringLiteral("stopped"));
    }

    // Live mode off again: a virtual run, and the same scenario.
    void turning_live_mode_off_reruns_on_the_virtual_clock() {
        Engine engine;
        engine.runScenario(QStringLiteral("hello"));
        engine.wait_until_finished();
        engine.setLiveSpeed(10);
        engine.setLive(true);
        QVERIFY(engine.running());
        QVERIFY(engine.liveRun());
        engine.setLive(false);
        QVERIFY(!engine.liveRun());
        QCOMPARE(engine.scenarioName(), QStringLiteral("hello"));
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("finished"));
    }

    // A script that calls asyncio.run twice: one trace holds both runs, the second after the
    // first (its task a task of its own), and the console has what both printed, in order.
    void every_asyncio_run_reaches_the_console() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("twice.py"));
        std::ofstream(path.toStdString())
            << "import asyncio\n\nasync def main(n):\n    await asyncio.sleep(0.1)\n"
               "    print('run', n)\n\nasyncio.run(main(1))\nprint('between')\n"
               "asyncio.run(main(2))\nprint('after')\n";
        for (const bool live : {false, true}) {
            Engine engine;
            engine.setLive(live);
            engine.runScript(path);
            engine.wait_until_finished();
            QCOMPARE(engine.status(), QStringLiteral("finished"));
            QCOMPARE(console_text(engine, false), std::string("run 1\nbetween\nrun 2\nafter\n"));
            QVERIFY(engine.error().isEmpty());
            const auto& console = engine.store().console();
            QVERIFY(console[0].task != 0 && console[2].task != 0);
            QVERIFY(console[2].task != console[0].task);  // each run's main task
            QVERIFY(console[2].event > console[0].event);
            QVERIFY(engine.store().end_time() >= Nanos{190'000'000});  // two 0.1 s sleeps
        }
    }
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::LiveModeTest)
#include "live_mode_test.moc"
