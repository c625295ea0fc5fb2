// The whole window, rendered: `loopscope --scenario gather --position N --screenshot` under a
// real X server saves a PNG of the expected size that is not blank (the stage, the cards and
// the custom-drawn timeline all put their colours in it).
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QRect>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <utility>

namespace {

// How much of an area is drawn on: its distinct colours, and the share of its pixels that are
// not its commonest colour (the panel's background).
struct DrawnArea {
    int colours = 0;
    double inked = 0;
};

DrawnArea measure(const QImage& image, const QRect& area) {
    QHash<QRgb, int> counts;
    int total = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        for (int x = area.left(); x <= area.right(); x += 2) {
            ++counts[image.pixel(x, y)];
            ++total;
        }
    }
    int commonest = 0;
    for (const int count : counts) {
        commonest = std::max(commonest, count);
    }
    return DrawnArea{static_cast<int>(counts.size()),
                     total == 0 ? 0 : 1.0 - static_cast<double>(commonest) / total};
}

class ScreenshotTest : public QObject {
    Q_OBJECT

private slots:
    void the_window_renders_a_demo_at_a_fixed_playhead() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("gather.png"));
        QProcess app;
        app.start(
            QStringLiteral(LOOPSCOPE_APP_BINARY),
            {QStringLiteral("--scenario"), QStringLiteral("gather"), QStringLiteral("--position"),
             QStringLiteral("60"), QStringLiteral("--screenshot"), path});
        QVERIFY(app.waitForFinished(60000));
        const QString errors = QString::fromUtf8(app.readAllStandardError());
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QVERIFY2(app.exitCode() == 0, qPrintable(errors));
        QVERIFY2(!errors.contains(QStringLiteral("qrc:/")), qPrintable(errors));

        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1440, 900));
        // Not blank: many colours, and the timeline's task colours among them.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) {
                colours.insert(image.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        // The timeline's lanes (bottom right) are drawn by the scene-graph node: the ready
        // colour (#f0b429) appears there.
        bool ready_colour = false;
        for (int y = image.height() - 230; y < image.height() && !ready_colour; ++y) {
            for (int x = 500; x < image.width(); ++x) {
                if (image.pixel(x, y) == qRgb(0xf0, 0xb4, 0x29)) {
                    ready_colour = true;
                    break;
                }
            }
        }
        QVERIFY2(ready_colour, "the timeline drew its lanes");
    }

    // A few lessons, run by the interpreter and shown mid-run: the stage (top right) and the
    // timeline's lanes (bottom right) are both drawn, not blank panels.
    void lessons_draw_the_stage_and_the_timeline_data() {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("seek");
        QTest::addRow("03 sequential vs concurrent")
            << QStringLiteral("03_sequential_vs_concurrent.py") << QStringLiteral("200");
        QTest::addRow("07 semaphore")
            << QStringLiteral("07_limiting_concurrency.py") << QStringLiteral("3000");
        QTest::addRow("09 cancellation")
            << QStringLiteral("09_cancellation.py") << QStringLiteral("150");
        QTest::addRow("12 blocking")
            << QStringLiteral("12_never_block_the_loop.py") << QStringLiteral("64");
    }
    void lessons_draw_the_stage_and_the_timeline() {
        QFETCH(QString, lesson);
        QFETCH(QString, seek);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesson.png"));
        QProcess app;
        app.start(QStringLiteral(LOOPSCOPE_APP_BINARY),
                  {QStringLiteral(LOOPSCOPE_LESSONS_DIR) + QLatin1Char('/') + lesson,
                   QStringLiteral("--seek"), seek, QStringLiteral("--screenshot"), path});
        QVERIFY(app.waitForFinished(60000));
        const QString errors = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(app.exitCode() == 0, qPrintable(errors));
        QVERIFY2(!errors.contains(QStringLiteral("qrc:/")), qPrintable(errors));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1440, 900));
        const int w = image.width();
        const int h = image.height();
        // The stage's panel, and the timeline's lane area (right of the lane names).
        const QRect stage(w * 50 / 100, h * 8 / 100, w * 48 / 100, h * 62 / 100);
        const QRect lanes(w * 60 / 100, h - 190, w * 37 / 100, 165);
        for (const auto& [name, area] : {std::pair{"stage", stage}, std::pair{"timeline", lanes}}) {
            const DrawnArea drawn = measure(image, area);
            QVERIFY2(
                drawn.colours >= 8,
                qPrintable(
                    QStringLiteral("%1: %2 colours").arg(QLatin1String(name)).arg(drawn.colours)));
            QVERIFY2(drawn.inked > 0.04, qPrintable(QStringLiteral("%1: %2 of it drawn on")
                                                        .arg(QLatin1String(name))
                                                        .arg(drawn.inked)));
        }
    }

    // Every scenario, in the middle of its run and at its end, with a task inspected: the QML
    // reports no warning (a broken binding prints its qrc: location).
    void every_scenario_renders_without_qml_warnings_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("position");
        for (const char* scenario :
             {"hello", "gather", "semaphore", "queue", "cancel", "blocking", "threads", "crowd"}) {
            QTest::addRow("%s middle", scenario) << scenario << QStringLiteral("40");
            QTest::addRow("%s end", scenario) << scenario << QStringLiteral("-1");
        }
    }
    void every_scenario_renders_without_qml_warnings() {
        QFETCH(QString, scenario);
        QFETCH(QString, position);
        QTemporaryDir dir;
        QProcess app;
        app.start(QStringLiteral(LOOPSCOPE_APP_BINARY),
                  {QStringLiteral("--scenario"), scenario, QStringLiteral("--position"), position,
                   QStringLiteral("--inspect"), QStringLiteral("Task-2"),
                   QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("shot.png"))});
        QVERIFY(app.waitForFinished(60000));
        const QString errors = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(app.exitCode() == 0, qPrintable(errors));
        QVERIFY2(!errors.contains(QStringLiteral("qrc:/")), qPrintable(errors));
    }
};

}  // namespace

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "screenshot_test.moc"
