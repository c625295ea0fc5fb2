// The TimelineItem: one lane per task, a view range that zoom and pan keep inside the trace,
// x <-> playhead mapping, and merging: however many events, a frame draws at most about one
// rectangle per pixel column per lane.
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtTest>

#include "app_test_support.h"
#include "engine.h"
#include "player.h"
#include "timeline_item.h"

namespace loopscope::app {

class TimelineTest : public QObject {
    Q_OBJECT

private slots:
    void lanes_follow_the_tasks_and_x_maps_to_the_playhead() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        TimelineItem timeline;
        timeline.setSize(QSizeF(800, 200));
        timeline.setEngine(&engine);
        timeline.setPlayer(&player);
        engine.runScenario(QStringLiteral("gather"));
        engine.wait_until_finished();

        QCOMPARE(timeline.laneCount(), 4);
        QCOMPARE(timeline.laneNames().front(), QStringLiteral("Task-1"));
        QCOMPARE(timeline.viewStart(), 0.0);
        QCOMPARE(timeline.viewEnd(), static_cast<double>(engine.eventCount()));
        for (const int position : {0, 10, engine.eventCount() / 2, engine.eventCount()}) {
            QCOMPARE(timeline.positionAt(timeline.xOfPosition(position)), position);
        }

        timeline.zoom(4, 0);
        QCOMPARE(timeline.viewStart(), 0.0);
        QVERIFY(qAbs(timeline.viewEnd() - engine.eventCount() / 4.0) < 1e-6);
        QVERIFY(!timeline.followEnd());
        timeline.pan(-500);  // cannot go before the start
        QCOMPARE(timeline.viewStart(), 0.0);
        timeline.pan(1e6);  // nor past the end
        QVERIFY(qAbs(timeline.viewEnd() - engine.eventCount()) < 1e-6);
        timeline.zoom(1e9, 400);  // zooming in stops at a few events across
        QVERIFY(timeline.viewEnd() - timeline.viewStart() >= 7.999);
        timeline.fitAll();
        QVERIFY(timeline.followEnd());

        timeline.setTimeAxis(true);
        QCOMPARE(timeline.viewEnd(), player.endTimeSeconds());
        const int after_sleep = timeline.positionAt(timeline.width() * 0.5);
        QVERIFY(after_sleep > 0);
        QVERIFY(after_sleep <= engine.eventCount());
    }

    void a_long_trace_draws_merged_per_pixel() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        engine.runScenario(QStringLiteral("forever"));
        QTRY_VERIFY_WITH_TIMEOUT(engine.eventCount() > 20000, 20000);
        engine.stop();
        engine.wait_until_finished();

        QQuickWindow window;
        window.resize(640, 120);
        auto* timeline = new TimelineItem(window.contentItem());
        timeline->setSize(QSizeF(600, 100));
        timeline->setEngine(&engine);
        timeline->setPlayer(&player);
        QSignalSpy rendered(timeline, &TimelineItem::rendered);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(rendered.wait(5000));
        QVERIFY(timeline->mergedRects() > 0);
        // One lane here (main), 600 pixels wide: at most a rectangle per column, plus the
        // playhead and the cancel mark of the stop, however many thousand segments it has.
        const auto& lanes = engine.store().lanes().lanes();
        QCOMPARE(lanes.size(), std::size_t{1});
        QVERIFY(lanes.front().segments.size() > 1000);
        QVERIFY2(timeline->mergedRects() <= 600 + 1 + 2,
                 qPrintable(QString::number(timeline->mergedRects())));
    }
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::TimelineTest)
#include "timeline_test.moc"
