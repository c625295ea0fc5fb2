// Presentation mode (docs/APP.md "Presenting"): F11 (or ⛶) goes full screen, hides the lesson
// text and the inspector, scales fonts and sizes for a projector (the code pane's font grows)
// and switches to the high-contrast palette; F11 again brings everything back. T cycles the
// palettes. The window's QML is loaded from the source tree as the module `Loopscope`.
#include <QDir>
#include <QFile>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "bookmarks.h"
#include "engine.h"
#include "interpreter_runner.h"
#include "loop_stage.h"
#include "player.h"
#include "qml_types.h"

namespace loopscope::app {

namespace {

// The module `Loopscope` from qml/ as it is now: the app's resources live in the executable,
// so the test makes a folder of its own with the files and a qmldir.
bool make_module(const QTemporaryDir& dir) {
    const QDir source(QStringLiteral(LOOPSCOPE_QML_DIR));
    QDir(dir.path()).mkdir(QStringLiteral("Loopscope"));
    QString qmldir = QStringLiteral("module Loopscope\n");
    for (const QString& name : source.entryList({QStringLiteral("*.qml")}, QDir::Files)) {
        if (!QFile::copy(source.filePath(name),
                         dir.filePath(QStringLiteral("Loopscope/") + name))) {
            return false;
        }
        const QString type = name.chopped(4);
        qmldir += (type == QStringLiteral("Theme") ? QStringLiteral("singleton ") : QString()) +
                  type + QStringLiteral(" 1.0 ") + name + QStringLiteral("\n");
    }
    QFile file(dir.filePath(QStringLiteral("Loopscope/qmldir")));
    return file.open(QIODevice::WriteOnly) && file.write(qmldir.toUtf8()) > 0;
}

// The code pane's text: the first TextEdit (or TextArea) inside it.
QQuickItem* code_text(QObject* code_view) {
    for (QQuickItem* item : code_view->findChildren<QQuickItem*>()) {
        if (item->inherits("QQuickTextEdit")) {
            return item;
        }
    }
    return nullptr;
}

int pixel_size(const QQuickItem* item) {
    return item->property("font").value<QFont>().pixelSize();
}

}  // namespace

class PresentationTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        Engine::set_script_runner(interpreter_script_runner());
        register_qml_types();
        QVERIFY(module_dir_.isValid());
        QVERIFY(make_module(module_dir_));
    }

    void f11_scales_hides_and_switches_to_high_contrast() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        LoopStage stage(engine.store(), player);
        Bookmarks bookmarks;
        engine.runScript(QString::fromStdString(
            (std::filesystem::path(LOOPSCOPE_LESSONS_DIR) / "01_hello_event_loop.py").string()));
        engine.wait_until_finished();
        player.pause();

        QQmlApplicationEngine qml;
        QStringList warnings;
        connect(&qml, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError>& list) {
            for (const QQmlError& error : list) {
                warnings << error.toString();
            }
        });
        qml.addImportPath(module_dir_.path());
        qml.setInitialProperties({
            {QStringLiteral("engine"), QVariant::fromValue(&engine)},
            {QStringLiteral("player"), QVariant::fromValue(&player)},
            {QStringLiteral("stage"), QVariant::fromValue(&stage)},
            {QStringLiteral("bookmarks"), QVariant::fromValue(&bookmarks)},
            {QStringLiteral("animated"), false},
        });
        qml.load(QUrl::fromLocalFile(module_dir_.filePath(QStringLiteral("Loopscope/Main.qml"))));
        QVERIFY2(!qml.rootObjects().isEmpty(), qPrintable(warnings.join('\n')));
        auto* window = qobject_cast<QQuickWindow*>(qml.rootObjects().constFirst());
        QVERIFY(window != nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        // Shortcuts only see the keys of the active window.
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));

        QObject* code_view = window->findChild<QObject*>(QStringLiteral("codeView"));
        QObject* lesson_pane = window->findChild<QObject*>(QStringLiteral("lessonPane"));
        QObject* inspector = window->findChild<QObject*>(QStringLiteral("inspector"));
        QVERIFY(code_view && lesson_pane && inspector);
        QQuickItem* text = code_text(code_view);
        QVERIFY(text != nullptr);
        const int normal_size = pixel_size(text);
        const QColor normal_page = window->color();
        QVERIFY(normal_size > 0);
        QVERIFY(lesson_pane->property("visible").toBool());
        QVERIFY(inspector->property("visible").toBool());
        warnings.clear();

        QTest::keyClick(window, Qt::Key_F11);
        QTRY_VERIFY(window->property("presenting").toBool());
        QVERIFY2(pixel_size(text) >= normal_size * 1.4,
                 qPrintable(QStringLiteral("%1 -> %2").arg(normal_size).arg(pixel_size(text))));
        QVERIFY(!lesson_pane->property("visible").toBool());
        QVERIFY(!inspector->property("visible").toBool());
        QVERIFY(code_view->property("visible").toBool());  // the code stays, larger
        QCOMPARE(window->color(), QColor(Qt::black));      // the high-contrast palette
        QTRY_COMPARE(window->visibility(), QWindow::FullScreen);

        QTest::keyClick(window, Qt::Key_F11);
        QTRY_VERIFY(!window->property("presenting").toBool());
        QCOMPARE(pixel_size(text), normal_size);
        QVERIFY(lesson_pane->property("visible").toBool());
        QVERIFY(inspector->property("visible").toBool());
        QCOMPARE(window->color(), normal_page);

        // T: light -> dark -> contrast -> light.
        QTest::keyClick(window, Qt::Key_T);
        QVERIFY(window->color() != normal_page);
        QVERIFY(window->color().lightness() < 60);
        QTest::keyClick(window, Qt::Key_T);
        QCOMPARE(window->color(), QColor(Qt::black));
        QTest::keyClick(window, Qt::Key_T);
        QCOMPARE(window->color(), normal_page);

        // B bookmarks the playhead, ] and [ jump between bookmarks.
        player.seek(10);
        QTest::keyClick(window, Qt::Key_B);
        player.seek(30);
        QTest::keyClick(window, Qt::Key_B);
        QCOMPARE(bookmarks.list(), (std::vector<int>{10, 30}));
        player.seek(0);
        QTest::keyClick(window, Qt::Key_BracketRight);
        QCOMPARE(player.position(), 10);
        QTest::keyClick(window, Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(player.position(), 30);
        QTest::keyClick(window, Qt::Key_BracketLeft);
        QCOMPARE(player.position(), 10);
        bookmarks.clear();

        // Live mode (Ctrl+L): the lesson runs again on the real clock and the playhead follows
        // the live edge; dragging back stops following while the run goes on; F follows again.
        engine.setLiveSpeed(1);
        QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(engine.live());
        QVERIFY(engine.liveRun());
        QVERIFY(engine.running());
        QVERIFY(player.following());
        QTRY_VERIFY(player.count() > 5);
        player.pause();  // else playback moves on from where the playhead was dragged
        player.seek(2);
        QVERIFY(!player.following());
        QVERIFY(engine.running());
        const int count_then = player.count();
        QTRY_VERIFY(player.count() > count_then);  // the run goes on meanwhile
        QCOMPARE(player.position(), 2);
        QTest::keyClick(window, Qt::Key_F);
        QVERIFY(player.following());
        QCOMPARE(player.position(), player.count());
        engine.stop();
        engine.wait_until_finished();

        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join('\n')));
    }

private:
    QTemporaryDir module_dir_;
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::PresentationTest)
#include "presentation_test.moc"
