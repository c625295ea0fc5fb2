// The whole window, rendered: `loopscope --scenario gather --position N --screenshot` under a
// real X server saves a PNG of the expected size that is not blank (the stage, the cards and
// the custom-drawn timeline all put their colours in it).
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

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
