// The TimelineItem: one lane per task, a view range that zoom and pan keep inside the trace,
// x <-> playhead mapping, and merging: however many events, a frame draws at most about one
// rectangle per pixel column per lane.
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>

#include "app_test_support.h"
#include "engine.h"
#include "player.h"
#include "task_lanes.h"
#include "timeline_item.h"
#include "trace_store.h"

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

    // The cancellation chain (main cancels outer, which awaits inner): the lanes carry the
    // cancel marks and the await / wake / cancel links between the right tasks, and the item
    // draws them once the view is close enough, but not when a pixel spans too many events.
    void cancel_marks_and_links_between_lanes() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        engine.runScenario(QStringLiteral("cancel"));
        engine.wait_until_finished();

        const TaskLanes& lanes = engine.store().lanes();
        QCOMPARE(lanes.lanes().size(), std::size_t{3});  // main, outer, inner
        const auto count_marks = [&](std::size_t lane, TaskLanes::MarkKind kind) {
            return std::count_if(lanes.lanes()[lane].marks.begin(), lanes.lanes()[lane].marks.end(),
                                 [kind](const TaskLanes::Mark& mark) { return mark.kind == kind; });
        };
        const auto has_link = [&](std::uint32_t from, std::uint32_t to, TaskLanes::LinkKind kind) {
            return std::any_of(lanes.links().begin(), lanes.links().end(),
                               [&](const TaskLanes::Link& link) {
                                   return link.from == from && link.to == to && link.kind == kind;
                               });
        };
        QCOMPARE(count_marks(1, TaskLanes::MarkKind::CancelRequested), 1);
        QVERIFY(count_marks(1, TaskLanes::MarkKind::CancelDelivered) >= 1);
        QVERIFY(count_marks(2, TaskLanes::MarkKind::CancelDelivered) >= 1);
        QCOMPARE(count_marks(0, TaskLanes::MarkKind::Failed), 0);
        QVERIFY(has_link(0, 1, TaskLanes::LinkKind::Cancel));  // main cancels outer
        QVERIFY(has_link(0, 1, TaskLanes::LinkKind::Await));   // main awaits outer
        QVERIFY(has_link(1, 2, TaskLanes::LinkKind::Await));   // outer awaits inner
        QVERIFY(has_link(2, 1, TaskLanes::LinkKind::Wake));    // inner's end wakes outer
        QVERIFY(has_link(1, 0, TaskLanes::LinkKind::Wake));    // outer's end wakes main
        // Sorted by event, in the global list and in each lane's.
        for (std::size_t i = 1; i < lanes.links().size(); ++i) {
            QVERIFY(lanes.links()[i - 1].event <= lanes.links()[i].event);
        }

        QQuickWindow window;
        window.resize(820, 120);
        auto* timeline = new TimelineItem(window.contentItem());
        timeline->setSize(QSizeF(800, 100));
        timeline->setLaneHeight(30);
        timeline->setEngine(&engine);
        timeline->setPlayer(&player);
        QSignalSpy rendered(timeline, &TimelineItem::rendered);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(timeline->marksDrawn() > 0, 5000);
        QVERIFY(timeline->linksShown());
        QVERIFY(timeline->linksDrawn() >= 3);
        QVERIFY(timeline->marksDrawn() >= 3);

        // A view far too dense for arrows: one pixel for the whole trace (over 100 events).
        QVERIFY(engine.eventCount() > 64);
        timeline->setWidth(1);
        QTRY_VERIFY_WITH_TIMEOUT(!timeline->linksShown(), 5000);
        QCOMPARE(timeline->linksDrawn(), 0);
    }
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::TimelineTest)
#include "timeline_test.moc"
