// Comparing two runs (docs/APP.md "Comparing runs"): both runs load, the shared axis spans the
// longer one, one loop-time playhead places both; `loopscope --compare A --compare B` draws them.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "interpreter_runner.h"
#include "run_comparison.h"

namespace loopscope::app {

namespace {

QString lesson_path(const char* name) {
    return QString::fromStdString(
        (std::filesystem::path(LOOPSCOPE_LESSONS_DIR) / (std::string(name) + ".py")).string());
}

}  // namespace

class ComparisonTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { Engine::set_script_runner(interpreter_script_runner()); }

    // Lesson 3 (sequential, then gather) against the built-in gather demo.
    void both_runs_load_on_one_axis_as_long_as_the_longer() {
        RunComparison comparison;
        comparison.open(lesson_path("03_sequential_vs_concurrent"), QStringLiteral("demo:gather"));
        comparison.wait_until_finished(std::chrono::milliseconds(20'000));
        Engine& left = *comparison.left();
        Engine& right = *comparison.right();
        QCOMPARE(left.status(), QStringLiteral("finished"));
        QCOMPARE(right.status(), QStringLiteral("finished"));
        QVERIFY(left.isScript());
        QCOMPARE(right.scenarioName(), QStringLiteral("gather"));
        QVERIFY(left.store().size() > 0);
        QVERIFY(right.store().size() > 0);
        const double left_end = nanos_to_seconds(left.store().end_time());
        const double right_end = nanos_to_seconds(right.store().end_time());
        QVERIFY(left_end != right_end);
        QCOMPARE(comparison.endTime(), std::max(left_end, right_end));
    }

    // The shared playhead: each side has applied exactly the events up to that instant, and
    // past a run's end that run stands at its end.
    void one_playhead_in_loop_time_places_both() {
        RunComparison comparison;
        comparison.open(QStringLiteral("demo:hello"), QStringLiteral("demo:gather"));
        comparison.wait_until_finished(std::chrono::milliseconds(20'000));
        const double shorter = std::min(nanos_to_seconds(comparison.left()->store().end_time()),
                                        nanos_to_seconds(comparison.right()->store().end_time()));
        const double t = shorter / 2;
        comparison.seekTime(t);
        QCOMPARE(comparison.time(), t);
        for (const auto& [engine, player] : {std::pair{comparison.left(), comparison.leftPlayer()},
                                             {comparison.right(), comparison.rightPlayer()}}) {
            const TraceStore& store = engine->store();
            const auto at = static_cast<Nanos>(t * 1e9);
            const auto position = static_cast<std::size_t>(player->position());
            QVERIFY(position > 0 && position < store.size());
            QVERIFY(store.event(position - 1).time <= at);
            QVERIFY(store.event(position).time > at);
        }
        comparison.seekTime(comparison.endTime());
        QCOMPARE(comparison.leftPlayer()->position(), comparison.leftPlayer()->count());
        QCOMPARE(comparison.rightPlayer()->position(), comparison.rightPlayer()->count());
        comparison.seekTime(-5);
        QCOMPARE(comparison.time(), 0.0);
    }

    // Playing moves the shared playhead on in loop time, at 1x.
    void playing_moves_the_shared_playhead() {
        RunComparison comparison;
        comparison.open(QStringLiteral("demo:hello"), QStringLiteral("demo:gather"));
        comparison.wait_until_finished(std::chrono::milliseconds(20'000));
        comparison.setPlaying(true);
        QTest::qWait(300);
        comparison.setPlaying(false);
        QVERIFY2(comparison.time() > 0.15 && comparison.time() < 1.0,
                 qPrintable(QString::number(comparison.time())));
    }

    // The window: both stages and both timelines drawn, no QML warning.
    void the_window_draws_both_runs() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("compare.png"));
        QProcess app;
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(LOOPSCOPE_APP_BINARY),
                  {QStringLiteral("--compare"), lesson_path("03_sequential_vs_concurrent"),
                   QStringLiteral("--compare"), QStringLiteral("demo:semaphore"),
                   QStringLiteral("--screenshot"), png});
        QVERIFY(app.waitForFinished(60'000));
        const QString output = QString::fromUtf8(app.readAll());
        QVERIFY2(app.exitCode() == 0, qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("qml")) && !output.contains(QStringLiteral("QML")),
                 qPrintable(output));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1440, 900));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 40, qPrintable(QString::number(colours.size())));
    }
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::ComparisonTest)
#include "comparison_test.moc"
