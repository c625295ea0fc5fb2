// The Engine: a run on the worker thread reaches the GUI thread in batches and arrives whole
// (the same events and strings as a run on this thread), a stop request ends an endless run,
// and a .py file is refused clearly until the interpreter is wired in.
#include "engine.h"

#include <QSignalSpy>
#include <QtTest>

#include "app_test_support.h"
#include "async/scheduler.h"
#include "async/sleep.h"
#include "async/task.h"
#include "loop/event_loop.h"

namespace loopscope::app {

namespace {

Coro<void> fake_main(Scheduler& scheduler) {
    for (int line = 0; line < 3; ++line) {
        print_line(scheduler, "line " + std::to_string(line));
        co_await sleep(milliseconds(10));
    }
}

}  // namespace

class EngineTest : public QObject {
    Q_OBJECT

private slots:
    void a_run_arrives_whole_with_its_strings() {
        TraceStore direct;
        testing::record_scenario("semaphore", direct);

        Engine engine;
        QSignalSpy finished(&engine, &Engine::runFinished);
        engine.runScenario(QStringLiteral("semaphore"));
        QVERIFY(engine.running());
        QVERIFY(finished.wait(10000));
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        QVERIFY(!engine.running());

        const TraceStore& store = engine.store();
        QCOMPARE(store.size(), direct.size());
        for (std::size_t i = 0; i < store.size(); ++i) {
            const trace::Event& got = store.event(i);
            const trace::Event& want = direct.event(i);
            QCOMPARE(static_cast<int>(got.kind), static_cast<int>(want.kind));
            QCOMPARE(got.time, want.time);
            QCOMPARE(got.subject, want.subject);
            QCOMPARE(store.text(label_of(got)), direct.text(label_of(want)));
        }
        QCOMPARE(store.console().size(), direct.console().size());
    }

    void batches_come_per_frame_not_per_event() {
        Engine engine;
        QSignalSpy grew(&engine, &Engine::traceGrew);
        QSignalSpy finished(&engine, &Engine::runFinished);
        engine.runScenario(QStringLiteral("queue"));
        QVERIFY(finished.wait(10000));
        QVERIFY(engine.eventCount() > 100);
        // One signal as the run starts and one per delivered frame, never one per event.
        QVERIFY(grew.count() < engine.eventCount() / 10);
    }

    void a_stop_request_ends_an_endless_run() {
        Engine engine;
        QSignalSpy finished(&engine, &Engine::runFinished);
        engine.runScenario(QStringLiteral("forever"));
        QTRY_VERIFY_WITH_TIMEOUT(engine.eventCount() > 1000, 10000);
        engine.stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(engine.status(), QStringLiteral("stopped"));
        QVERIFY(engine.error().isEmpty());
        // The tasks were cancelled on the way out, as asyncio.run does.
        const trace::State& end = engine.store().index().latest();
        for (const trace::State::Task& task : end.tasks()) {
            QVERIFY(task.finished());
        }
    }

    void a_new_run_replaces_the_running_one() {
        Engine engine;
        QSignalSpy finished(&engine, &Engine::runFinished);
        engine.runScenario(QStringLiteral("forever"));
        engine.runScenario(QStringLiteral("hello"));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(), QStringLiteral("finished"), 10000);
        QCOMPARE(engine.scenarioName(), QStringLiteral("hello"));
        QCOMPARE(engine.store().console().size(), std::size_t{2});
    }

    void a_python_file_needs_the_interpreter() {
        Engine engine;
        QSignalSpy finished(&engine, &Engine::runFinished);
        engine.runScript(QStringLiteral("lessons/hello.py"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(engine.status(), QStringLiteral("failed"));
        QVERIFY(engine.error().contains(QStringLiteral("interpreter is not available")));
    }

    // A runner shaped like the interpreter's asyncio.run: its own loop per run, driven with
    // run_once, telling the engine through ScriptHooks; twice, like a script that calls
    // asyncio.run twice.
    void a_script_runner_streams_its_loops_through_the_hooks() {
        Engine::set_script_runner([](const std::string& path, ScriptHooks& hooks) {
            if (path != "fake.py") {
                throw std::runtime_error("wrong path");
            }
            for (int run = 0; run < 2; ++run) {
                EventLoop loop;
                Scheduler scheduler(loop);
                hooks.loop_started(loop);
                Task<void> main = create_task(scheduler, fake_main(scheduler), {}, "main()");
                while (!main.done()) {
                    loop.run_once();
                    if (hooks.iteration_done(loop)) {
                        break;
                    }
                }
                hooks.loop_finished(loop);
            }
        });
        Engine engine;
        engine.runScript(QStringLiteral("fake.py"));
        engine.wait_until_finished();
        Engine::set_script_runner(nullptr);
        QVERIFY2(engine.status() == QStringLiteral("finished"), qPrintable(engine.error()));
        QVERIFY(engine.error().isEmpty());
        // Both loops' whole traces, strings included, the second after the first: each loop
        // numbered its objects from 1, the store holds two tasks, and the second run's ids,
        // iterations and times come after the first's.
        const TraceStore& store = engine.store();
        QCOMPARE(store.console().size(), std::size_t{6});
        QCOMPARE(store.console().front().text, std::string("line 0"));
        QCOMPARE(store.console().back().text, std::string("line 2"));
        trace::State end;
        store.seek(store.size(), end);
        QCOMPARE(end.tasks().size(), std::size_t{2});
        const std::uint32_t first = end.tasks().front().id;
        const std::uint32_t second = end.tasks().back().id;
        QVERIFY(second > first);
        for (const trace::State::Task& task : end.tasks()) {
            QCOMPARE(task.status, trace::TaskStatus::Done);
        }
        QVERIFY(store.console()[3].task == second && store.console()[2].task == first);
        for (std::size_t i = 1; i < store.size(); ++i) {
            QVERIFY(store.event(i).time >= store.event(i - 1).time);
            QVERIFY(store.event(i).iteration >= store.event(i - 1).iteration);
        }
        QVERIFY(store.end_time() >= 2 * 30'000'000);  // two runs of three 10 ms sleeps
    }

    void a_script_runner_is_told_to_stop() {
        Engine::set_script_runner([](const std::string&, ScriptHooks& hooks) {
            EventLoop loop;
            hooks.loop_started(loop);
            // An endless script: only the engine's answer ends it.
            std::function<void()> again = [&] { loop.call_soon(again); };
            loop.call_soon(again);
            for (;;) {
                loop.run_once();
                if (hooks.iteration_done(loop)) {
                    break;
                }
            }
            hooks.loop_finished(loop);
        });
        Engine engine;
        QSignalSpy finished(&engine, &Engine::runFinished);
        engine.runScript(QStringLiteral("endless.py"));
        QTRY_VERIFY_WITH_TIMEOUT(engine.eventCount() > 1000, 10000);
        engine.stop();
        QVERIFY(finished.wait(10000));
        Engine::set_script_runner(nullptr);
        QCOMPARE(engine.status(), QStringLiteral("stopped"));
    }

    void an_unknown_scenario_fails_with_its_name() {
        Engine engine;
        engine.runScenario(QStringLiteral("no-such-thing"));
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("failed"));
        QVERIFY(engine.error().contains(QStringLiteral("no-such-thing")));
    }

    void every_built_in_scenario_runs_to_its_end() {
        for (const DemoScenario& scenario : demo_scenarios()) {
            if (scenario.id == "forever") {
                continue;
            }
            Engine engine;
            engine.runScenario(
                QString::fromUtf8(scenario.id.data(), static_cast<qsizetype>(scenario.id.size())));
            engine.wait_until_finished();
            QCOMPARE(engine.status(), QStringLiteral("finished"));
            QVERIFY2(engine.error().isEmpty(), qPrintable(engine.error()));
            QVERIFY(engine.eventCount() > 20);
            QVERIFY(!engine.source().isEmpty());
        }
    }
};

}  // namespace loopscope::app

QTEST_GUILESS_MAIN(loopscope::app::EngineTest)
#include "engine_test.moc"
