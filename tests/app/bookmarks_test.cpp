// Bookmarks (docs/APP.md "Bookmarks"): B toggles one at the playhead, ] / [ jump between them;
// they are kept per script in QSettings (a temporary settings folder here, never the user's).
#include "bookmarks.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "engine.h"

namespace loopscope::app {

class BookmarksTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(settings_dir_.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("bookmarks_test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_dir_.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir_.path());
    }

    void toggling_adds_and_removes_in_order() {
        Bookmarks bookmarks;
        bookmarks.load(QStringLiteral("order.py"));
        QSignalSpy changed(&bookmarks, &Bookmarks::positionsChanged);
        bookmarks.toggle(40);
        bookmarks.toggle(7);
        bookmarks.toggle(90);
        QCOMPARE(bookmarks.list(), (std::vector<int>{7, 40, 90}));
        QCOMPARE(bookmarks.positions(), (QVariantList{7, 40, 90}));
        QVERIFY(bookmarks.contains(40));
        bookmarks.toggle(40);  // again: removed
        QVERIFY(!bookmarks.contains(40));
        QCOMPARE(bookmarks.list(), (std::vector<int>{7, 90}));
        QCOMPARE(changed.count(), 4);
        bookmarks.toggle(-1);  // not a position
        QCOMPARE(bookmarks.list().size(), std::size_t{2});
    }

    void next_and_previous_jump_between_them() {
        Bookmarks bookmarks;
        bookmarks.load(QStringLiteral("jumps.py"));
        for (const int position : {10, 20, 30}) {
            bookmarks.toggle(position);
        }
        QCOMPARE(bookmarks.next(0), 10);
        QCOMPARE(bookmarks.next(10), 20);  // strictly after the playhead
        QCOMPARE(bookmarks.next(25), 30);
        QCOMPARE(bookmarks.next(30), -1);
        QCOMPARE(bookmarks.previous(30), 20);  // strictly before
        QCOMPARE(bookmarks.previous(11), 10);
        QCOMPARE(bookmarks.previous(10), -1);
    }

    // Kept per script: another script has its own, and a new Bookmarks (the next start of the
    // app) finds them again.
    void they_are_saved_per_script() {
        {
            Bookmarks bookmarks;
            bookmarks.load(QStringLiteral("kept.py"));
            bookmarks.toggle(12);
            bookmarks.toggle(345);
            bookmarks.load(QStringLiteral("other.py"));
            QVERIFY(bookmarks.list().empty());
            bookmarks.toggle(1);
        }
        Bookmarks again;
        again.load(QStringLiteral("kept.py"));
        QCOMPARE(again.list(), (std::vector<int>{12, 345}));
        again.load(QStringLiteral("other.py"));
        QCOMPARE(again.list(), (std::vector<int>{1}));
        QCOMPARE(QSettings().value(QStringLiteral("bookmarks/kept.py")).toList().size(), 2);
        again.clear();
        QVERIFY(!QSettings().contains(QStringLiteral("bookmarks/other.py")));
    }

    // Attached to the engine, each run loads its script's bookmarks (a built-in scenario's are
    // under demo-<id>).
    void each_run_loads_its_own() {
        {
            Bookmarks made;
            made.load(QStringLiteral("demo-gather"));
            made.toggle(5);
        }
        Engine engine;
        Bookmarks bookmarks;
        bookmarks.attach(engine);
        engine.runScenario(QStringLiteral("gather"));
        QCOMPARE(bookmarks.key(), QStringLiteral("demo-gather"));
        QCOMPARE(bookmarks.list(), (std::vector<int>{5}));
        engine.wait_until_finished();
        engine.runScenario(QStringLiteral("hello"));
        QCOMPARE(bookmarks.key(), QStringLiteral("demo-hello"));
        QVERIFY(bookmarks.list().empty());
        engine.wait_until_finished();
    }

private:
    QTemporaryDir settings_dir_;
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::BookmarksTest)
#include "bookmarks_test.moc"
