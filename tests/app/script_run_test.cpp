// Python files through the engine with the interpreter wired in, as `loopscope FILE.py` runs
// them: the console shows what CPython printed (lessons/expected/), errors come back with their
// line, a runaway script stops at once while the GUI thread keeps turning, the stage names what
// a script's timers are, and the window draws a lesson mid-run.
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine.h"
#include "interpreter_runner.h"
#include "lesson_library.h"
#include "loop_stage.h"
#include "player.h"

namespace loopscope::app {

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// The console's lines of one stream (stdout, or stderr: `errors`), each with its newline: what
// the script wrote there, as a terminal shows it.
std::string console_text(const Engine& engine, bool errors) {
    std::string text;
    for (const TraceStore::ConsoleLine& line : engine.store().console()) {
        if (line.error == errors) {
            text += line.text + "\n";
        }
    }
    return text;
}

std::string last_line(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') {
        trimmed.pop_back();
    }
    const std::size_t start = trimmed.rfind('\n');
    const std::string line = start == std::string::npos ? trimmed : trimmed.substr(start + 1);
    return line.empty() ? "" : line + "\n";
}

QString write_script(const QTemporaryDir& dir, const char* name, const std::string& source) {
    const QString path = dir.filePath(QString::fromUtf8(name));
    std::ofstream(path.toStdString()) << source;
    return path;
}

// Walks the finished run's every event and returns the titles of the TIMERS rows it shows on
// the way; a row with no title fails the test.
QSet<QString> timer_titles(const Engine& engine) {
    Player player(engine.store());
    LoopStage stage(engine.store(), player);
    QSet<QString> titles;
    for (int at = 0; at <= player.count(); ++at) {
        player.seek(at);
        for (int row = 0; row < stage.timers()->rowCount(); ++row) {
            const QString title = stage.timers()->get(row, QStringLiteral("title")).toString();
            if (title.isEmpty()) {
                QTest::qFail(
                    qPrintable(QStringLiteral("a timer row with no title at event %1").arg(at)),
                    __FILE__, __LINE__);
                return titles;
            }
            titles.insert(title);
        }
    }
    return titles;
}

}  // namespace

class ScriptRunTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { Engine::set_script_runner(interpreter_script_runner()); }

    // Every lesson (1 and 7 first among them): what CPython printed, line for line.
    void a_lesson_prints_what_cpython_printed_data() {
        QTest::addColumn<QString>("lesson");
        QTest::newRow("01") << QStringLiteral("01_hello_event_loop");
        QTest::newRow("02") << QStringLiteral("02_coroutines_are_lazy");
        QTest::newRow("03") << QStringLiteral("03_sequential_vs_concurrent");
        QTest::newRow("04") << QStringLiteral("04_who_finishes_first");
        QTest::newRow("05") << QStringLiteral("05_background_tasks");
        QTest::newRow("06") << QStringLiteral("06_taskgroup_vs_gather");
        QTest::newRow("07") << QStringLiteral("07_limiting_concurrency");
        QTest::newRow("08") << QStringLiteral("08_timeouts");
        QTest::newRow("09") << QStringLiteral("09_cancellation");
        QTest::newRow("10") << QStringLiteral("10_locks");
        QTest::newRow("11") << QStringLiteral("11_producer_consumer");
        QTest::newRow("12") << QStringLiteral("12_never_block_the_loop");
        QTest::newRow("13") << QStringLiteral("13_threads_for_blocking");
        QTest::newRow("14") << QStringLiteral("14_cpu_bound_work");
        QTest::newRow("15") << QStringLiteral("15_async_context_managers");
        QTest::newRow("16") << QStringLiteral("16_async_for");
        QTest::newRow("17") << QStringLiteral("17_handling_errors");
        QTest::newRow("18") << QStringLiteral("18_looking_inside");
    }
    void a_lesson_prints_what_cpython_printed() {
        QFETCH(QString, lesson);
        const std::filesystem::path folder = LOOPSCOPE_LESSONS_DIR;
        Engine engine;
        engine.runScript(
            QString::fromStdString((folder / (lesson.toStdString() + ".py")).string()));
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        QVERIFY2(engine.error().isEmpty(), qPrintable(engine.error()));
        const std::string expected =
            read_file(folder / "expected" / (lesson.toStdString() + ".out"));
        QVERIFY(!expected.empty());
        QCOMPARE(console_text(engine, false), expected);
        // lessons/expected keeps the last line of stderr (the traceback's error, a warning).
        QCOMPARE(last_line(console_text(engine, true)),
                 read_file(folder / "expected" / (lesson.toStdString() + ".err")));
        // The lesson's text comes with it, for the lesson pane.
        QVERIFY(!engine.lessonTitle().isEmpty());
        QVERIFY(engine.lessonText().contains(QStringLiteral("##")));
        // Each task's line is known (TaskLine events mark the code pane).
        bool task_line = false;
        for (std::size_t i = 0; i < engine.store().size() && !task_line; ++i) {
            task_line = engine.store().event(i).kind == trace::EventKind::TaskLine;
        }
        QVERIFY(task_line);
    }

    // print() before asyncio.run, after it, and in a script with no loop at all reaches the
    // console too (it has no event; it sits at the event before it).
    void output_outside_any_loop_reaches_the_console() {
        QTemporaryDir dir;
        Engine engine;
        engine.runScript(write_script(dir, "around.py",
                                      "import asyncio\nprint('before')\n\nasync def main():\n"
                                      "    print('inside')\n\nasyncio.run(main())\n"
                                      "print('after')\n"));
        engine.wait_until_finished();
        QCOMPARE(console_text(engine, false), std::string("before\ninside\nafter\n"));
        const auto& lines = engine.store().console();
        QCOMPARE(lines.front().event, std::size_t{0});
        QCOMPARE(lines.back().event, engine.store().size() - 1);

        engine.runScript(write_script(dir, "plain.py", "print(6 * 7)\n"));
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        QCOMPARE(console_text(engine, false), std::string("42\n"));
    }

    void the_lessons_are_found_and_listed_by_number() {
        const LessonLibrary lessons(find_lessons_folder("/nonexistent/bin"));
        QCOMPARE(lessons.lessons().size(), 18);
        QVERIFY(lessons.pathOf(1).endsWith(QStringLiteral("01_hello_event_loop.py")));
        QCOMPARE(lessons.numberOf(lessons.pathOf(7)), 7);
        QCOMPARE(lessons.lessons().front().toMap().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Hello, event loop"));
    }

    void an_error_comes_back_with_its_line_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("line");
        QTest::newRow("uncaught")
            << QStringLiteral(
                   "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    1 / 0\n\n"
                   "asyncio.run(main())\n")
            << QStringLiteral("failed")
            << QStringLiteral("line 5, column 5: ZeroDivisionError: division by zero") << 5;
        QTest::newRow("syntax") << QStringLiteral("import asyncio\nprint('hi'\n")
                                << QStringLiteral("failed")
                                << QStringLiteral(
                                       "line 2, column 6: SyntaxError: '(' was never closed")
                                << 2;
        QTest::newRow("deadlock")
            << QStringLiteral(
                   "import asyncio\n\nasync def main():\n    await "
                   "asyncio.get_running_loop().create_future()\n\nasyncio.run(main())\n")
            << QStringLiteral("failed") << QStringLiteral("deadlock: every task is waiting") << 4;
        QTest::newRow("limit") << QStringLiteral(
                                      "import asyncio\n\nasync def spawn():\n    while True:\n"
                                      "        asyncio.create_task(asyncio.sleep(1))\n        "
                                      "await asyncio.sleep(0)\n\n"
                                      "asyncio.run(spawn())\n")
                               << QStringLiteral("limit") << QStringLiteral("Stopped at the limit")
                               << 0;
    }
    void an_error_comes_back_with_its_line() {
        QFETCH(QString, source);
        QFETCH(QString, status);
        QFETCH(QString, error);
        QFETCH(int, line);
        QTemporaryDir dir;
        const QString path = write_script(dir, "failing.py", source.toStdString());
        Engine engine;
        engine.runScript(path);
        engine.wait_until_finished();
        QCOMPARE(engine.status(), status);
        QVERIFY2(engine.error().startsWith(error), qPrintable(engine.error()));
        QCOMPARE(engine.errorLine(), line);
    }

    // `while True: pass` outside any loop and inside a task: Stop ends it within a bounded time,
    // and the GUI thread's event loop kept turning meanwhile.
    void a_runaway_script_stops_at_once_data() {
        QTest::addColumn<QString>("source");
        QTest::newRow("module level")
            << QStringLiteral("print('spinning')\nwhile True:\n    pass\n");
        QTest::newRow("in a task") << QStringLiteral(
            "import asyncio\n\nasync def main():\n    while True:\n        pass\n\n"
            "asyncio.run(main())\n");
    }
    void a_runaway_script_stops_at_once() {
        QFETCH(QString, source);
        QTemporaryDir dir;
        const QString path = write_script(dir, "spin.py", source.toStdString());
        Engine engine;
        QSignalSpy finished(&engine, &Engine::runFinished);
        int ticks = 0;
        QTimer frame;
        frame.setInterval(10);
        connect(&frame, &QTimer::timeout, [&ticks] { ++ticks; });
        frame.start();
        engine.runScript(path);
        QTest::qWait(300);
        QVERIFY(engine.running());
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));  // the GUI thread turns
        QElapsedTimer clock;
        clock.start();
        engine.stop();
        QVERIFY(finished.wait(2000));
        qInfo("stopped %lld ms after the request", static_cast<long long>(clock.elapsed()));
        QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(engine.status(), QStringLiteral("stopped"));
        QVERIFY(engine.error().isEmpty());
    }

    // The window of a runaway script: stopped after a second, it still draws its picture.
    void the_window_of_a_runaway_script_is_stopped_and_drawn() {
        QTemporaryDir dir;
        const QString script =
            write_script(dir, "spin.py", "print('spinning')\nwhile True:\n    pass\n");
        const QString picture = dir.filePath(QStringLiteral("spin.png"));
        QElapsedTimer clock;
        clock.start();
        QProcess app;
        app.start(QStringLiteral(LOOPSCOPE_APP_BINARY),
                  {script, QStringLiteral("--stop-after"), QStringLiteral("1"),
                   QStringLiteral("--screenshot"), picture});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
        const QImage image(picture);
        QCOMPARE(image.size(), QSize(1440, 900));
    }

    // A timer no task waits on is named by its label: lesson 13's worker threads sleep on loop
    // timers (time.sleep on the virtual clock), and their TIMERS rows say whose sleep it is, as
    // a task's row says "Task-2's sleep", never a bare "· due 5.900 s".
    void a_worker_threads_sleep_is_named_on_the_stage() {
        Engine engine;
        engine.runScript(QStringLiteral(LOOPSCOPE_LESSONS_DIR "/13_threads_for_blocking.py"));
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        const QSet<QString> titles = timer_titles(engine);
        for (const char* thread_sleep :
             {"blocking_get's time.sleep(0.6)", "blocking_get's time.sleep(0.7)",
              "blocking_get's time.sleep(0.8)", "blocking_get's time.sleep(0.9)",
              "compress_archive's time.sleep(2)"}) {
            QVERIFY2(titles.contains(QString::fromUtf8(thread_sleep)), thread_sleep);
        }
        QVERIFY(titles.contains(QStringLiteral("spinner's sleep")));
    }

    // A timeout's deadline is armed with no label; its row is still titled, and a
    // run_in_executor job's sleep is named after the job as a to_thread one is.
    void an_unlabelled_timer_still_has_a_title() {
        QTemporaryDir dir;
        Engine engine;
        engine.runScript(
            write_script(dir, "timeout.py",
                         "import asyncio, time\n\n"
                         "def job():\n    time.sleep(0.5)\n\n"
                         "async def main():\n"
                         "    async with asyncio.timeout(1):\n"
                         "        await asyncio.sleep(0.2)\n"
                         "    await asyncio.get_running_loop().run_in_executor(None, job)\n"
                         "\nasyncio.run(main())\n"));
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        const QSet<QString> titles = timer_titles(engine);
        QVERIFY(titles.contains(QStringLiteral("job's time.sleep(0.5)")));
        QVERIFY(titles.contains(QStringLiteral("Task-1's sleep")));
        const bool numbered = std::any_of(titles.begin(), titles.end(), [](const QString& title) {
            return title.startsWith(QStringLiteral("timer #"));
        });
        QVERIFY2(numbered, qPrintable(QStringList(titles.begin(), titles.end()).join(" | ")));
    }

    // `loopscope lesson.py --position N --screenshot`: lesson 7 mid-run is drawn, not blank.
    void the_window_renders_lesson_7_mid_run() {
        QTemporaryDir dir;
        const QString picture = dir.filePath(QStringLiteral("lesson7.png"));
        QProcess app;
        app.start(QStringLiteral(LOOPSCOPE_APP_BINARY),
                  {QStringLiteral(LOOPSCOPE_LESSONS_DIR "/07_limiting_concurrency.py"),
                   QStringLiteral("--position"), QStringLiteral("400"),
                   QStringLiteral("--screenshot"), picture});
        QVERIFY(app.waitForFinished(60000));
        const QString errors = QString::fromUtf8(app.readAllStandardError());
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(!errors.contains(QStringLiteral("qrc:/")), qPrintable(errors));
        const QImage image(picture);
        QCOMPARE(image.size(), QSize(1440, 900));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::ScriptRunTest)
#include "script_run_test.moc"
