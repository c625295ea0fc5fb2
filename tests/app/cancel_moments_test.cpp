// The stage's cancellation moments (LoopStage::cancelMoments): what the stage animates as the
// playhead moves forward over a cancel request, a CancelledError delivery and a task ending
// cancelled; nothing on a jump or going back.
#include <QVariantMap>
#include <QtTest>

#include "engine.h"
#include "loop_stage.h"
#include "player.h"
#include "trace_store.h"

namespace loopscope::app {

namespace {

// The index of the first event of `kind` about `subject` (any subject when 0), -1 if none.
int find_event(const TraceStore& store, trace::EventKind kind, std::uint32_t subject = 0) {
    for (std::size_t i = 0; i < store.size(); ++i) {
        if (store.event(i).kind == kind && (subject == 0 || store.event(i).subject == subject)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace

class CancelMomentsTest : public QObject {
    Q_OBJECT

private slots:
    void stepping_over_the_cancellation_chain() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        LoopStage stage(engine.store(), player);
        engine.runScenario(QStringLiteral("cancel"));  // main cancels outer, outer awaits inner
        engine.wait_until_finished();
        player.pause();
        const TraceStore& store = engine.store();

        const int request = find_event(store, trace::EventKind::CancelRequested);
        QVERIFY(request > 0);
        const trace::Event& asked = store.event(static_cast<std::size_t>(request));
        player.seek(request);
        QVERIFY(stage.cancelMoments().isEmpty());  // a jump: nothing to animate
        player.stepForward();                      // over the request itself
        QCOMPARE(stage.cancelMoments().size(), 1);
        const QVariantMap moment = stage.cancelMoments().constFirst().toMap();
        QCOMPARE(moment.value(QStringLiteral("kind")).toString(), QStringLiteral("request"));
        QCOMPARE(moment.value(QStringLiteral("from")).toUInt(), asked.object);  // main
        QCOMPARE(moment.value(QStringLiteral("to")).toUInt(), asked.subject);   // outer
        QCOMPARE(moment.value(QStringLiteral("event")).toInt(), request);

        // main's own CancelledError comes out of outer, the task it awaited: it climbs.
        const int main_delivery =
            find_event(store, trace::EventKind::CancelDelivered, asked.object);
        QVERIFY(main_delivery > request);
        player.seek(main_delivery);
        player.stepForward();
        const QVariantMap climb = stage.cancelMoments().constFirst().toMap();
        QCOMPARE(climb.value(QStringLiteral("kind")).toString(), QStringLiteral("delivered"));
        QCOMPARE(climb.value(QStringLiteral("from")).toUInt(), asked.subject);  // out of outer
        QCOMPARE(climb.value(QStringLiteral("to")).toUInt(), asked.object);     // into main

        player.stepBack();  // going back animates nothing
        QVERIFY(stage.cancelMoments().isEmpty());
    }
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::CancelMomentsTest)
#include "cancel_moments_test.moc"
