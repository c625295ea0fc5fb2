// The code editor (docs/APP.md, "Editing"): Python highlighting; a lesson's edits autosaved to
// the user's copy within a second, never to the bundled file, and "Reset to original"; files
// autosaved to a recovery file until saved; errors with their line and column, underlined in
// the editor; the picker's marks; and crash recovery: the real app killed with SIGKILL gives
// the typed text back at its next start. Every test uses temporary data and settings folders.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

#include "engine.h"
#include "interpreter_runner.h"
#include "lesson_library.h"
#include "loop_stage.h"
#include "player.h"
#include "python_highlighter.h"
#include "qml_types.h"
#include "script_document.h"
#include "user_files.h"

namespace loopscope::app {
namespace {

using Token = PythonHighlighter::Token;

QString read(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void write(const QString& path, const QString& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
}

QString lesson_path(const char* name) {
    return QStringLiteral(LOOPSCOPE_LESSONS_DIR "/") + QLatin1String(name);
}

// The module `Loopscope` from qml/ as it is now (the app's own is compiled into the executable).
bool make_module(const QString& dir) {
    const QDir source(QStringLiteral(LOOPSCOPE_QML_DIR));
    QDir(dir).mkpath(QStringLiteral("Loopscope"));
    QString qmldir = QStringLiteral("module Loopscope\n");
    for (const QString& name : source.entryList({QStringLiteral("*.qml")}, QDir::Files)) {
        QFile::remove(dir + QStringLiteral("/Loopscope/") + name);
        if (!QFile::copy(source.filePath(name), dir + QStringLiteral("/Loopscope/") + name)) {
            return false;
        }
        const QString type = name.chopped(4);
        qmldir += (type == QStringLiteral("Theme") ? QStringLiteral("singleton ") : QString()) +
                  type + QStringLiteral(" 1.0 ") + name + QStringLiteral("\n");
    }
    QFile file(dir + QStringLiteral("/Loopscope/qmldir"));
    return file.open(QIODevice::WriteOnly) && file.write(qmldir.toUtf8()) > 0;
}

class EditorTest : public QObject {
    Q_OBJECT

    QTemporaryDir home_;  // XDG_DATA_HOME and XDG_CONFIG_HOME: never the user's own
    QTemporaryDir module_;

    QString data_home() const { return home_.filePath(QStringLiteral("data")); }
    QString config_home() const { return home_.filePath(QStringLiteral("config")); }

    // The code pane alone, editing `document`.
    std::unique_ptr<QQuickView> show_code_view(ScriptDocument& document, const QString& error = {},
                                               int error_line = 0) {
        auto view = std::make_unique<QQuickView>();
        view->engine()->addImportPath(module_.path());
        view->setInitialProperties({
            {QStringLiteral("document"), QVariant::fromValue(&document)},
            {QStringLiteral("editable"), true},
            {QStringLiteral("error"), error},
            {QStringLiteral("errorLine"), error_line},
            {QStringLiteral("animated"), false},
        });
        view->setResizeMode(QQuickView::SizeRootObjectToView);
        view->resize(600, 500);
        view->setSource(
            QUrl::fromLocalFile(module_.filePath(QStringLiteral("Loopscope/CodeView.qml"))));
        if (view->status() != QQuickView::Ready) {
            qWarning() << view->errors();
            return nullptr;
        }
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get())) {
            return nullptr;
        }
        return view;
    }
    static QQuickItem* editor_of(QQuickView& view) {
        return view.rootObject()->findChild<QQuickItem*>(QStringLiteral("codeEditor"));
    }

private slots:
    void initTestCase() {
        QVERIFY(home_.isValid());
        qputenv("XDG_DATA_HOME", data_home().toUtf8());
        qputenv("XDG_CONFIG_HOME", config_home().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("Loopscope"));
        QCoreApplication::setApplicationName(QStringLiteral("Loopscope"));
        QVERIFY2(user_lesson_copies_folder().startsWith(data_home()),
                 qPrintable(user_lesson_copies_folder()));
        QVERIFY(make_module(module_.path()));
        register_qml_types();
        Engine::set_script_runner(interpreter_script_runner());
    }
    void init() {
        QDir(data_home()).removeRecursively();
        QSettings().clear();
    }

    void the_highlighter_colours_python_data() {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<Token>("token");
        // 0 @decorator
        // 1 async def fetch(n):  # it's a "comment"
        // 2     text = f"got {n + 1} items" + 'x#y'
        // 3     doc = """one
        // 4     two # still a string
        // 5     three"""
        // 6     print(len(text), 0x1F, 2.5e-3)
        QTest::newRow("decorator") << 0 << 1 << Token::Decorator;
        QTest::newRow("async") << 1 << 0 << Token::Keyword;
        QTest::newRow("def") << 1 << 6 << Token::Keyword;
        QTest::newRow("the name def defines") << 1 << 10 << Token::Definition;
        QTest::newRow("parameter") << 1 << 16 << Token::Plain;
        QTest::newRow("comment with a quote") << 1 << 30 << Token::Comment;
        QTest::newRow("f-string prefix") << 2 << 11 << Token::String;
        QTest::newRow("f-string text") << 2 << 14 << Token::String;
        QTest::newRow("f-string field") << 2 << 19 << Token::Field;
        QTest::newRow("# inside a string") << 2 << 37 << Token::String;
        QTest::newRow("triple-quoted, line 2") << 4 << 10 << Token::String;
        QTest::newRow("triple-quoted, end") << 5 << 9 << Token::String;
        QTest::newRow("builtin") << 6 << 4 << Token::Builtin;
        QTest::newRow("nested builtin") << 6 << 10 << Token::Builtin;
        QTest::newRow("hex number") << 6 << 21 << Token::Number;
        QTest::newRow("exponent") << 6 << 30 << Token::Number;
    }
    void the_highlighter_colours_python() {
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(Token, token);
        QTextDocument document(
            QStringLiteral("@decorator\n"
                           "async def fetch(n):  # it's a \"comment\"\n"
                           "    text = f\"got {n + 1} items\" + 'x#y'\n"
                           "    doc = \"\"\"one\n"
                           "    two # still a string\n"
                           "    three\"\"\"\n"
                           "    print(len(text), 0x1F, 2.5e-3)\n"));
        PythonHighlighter highlighter;
        highlighter.setDocument(&document);
        highlighter.rehighlight();  // setDocument colours at the next event loop turn
        QCOMPARE(highlighter.tokenAt(line, column), token);
    }

    // Typing in a lesson: the user's copy appears within a second, with the text; the bundled
    // lesson is untouched; the copy is what runs, and the picker marks the lesson as changed.
    void typing_in_a_lesson_autosaves_the_users_copy_within_a_second() {
        const QString bundled = lesson_path("01_hello_event_loop.py");
        const QString bundled_text = read(bundled);
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        QCOMPARE(document.open(bundled), bundled);
        auto view = show_code_view(document);
        QVERIFY(view);
        QQuickItem* editor = editor_of(*view);
        QVERIFY(editor);
        QCOMPARE(editor->property("text").toString(), bundled_text);
        editor->forceActiveFocus();
        editor->setProperty("cursorPosition", editor->property("length"));
        for (const char c : std::string("# my note")) {
            QTest::keyClick(view.get(), c);
        }
        QElapsedTimer typed;
        typed.start();
        const QString copy = user_copy_of(bundled);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(copy), 1000);
        QVERIFY2(typed.elapsed() <= 1000, qPrintable(QString::number(typed.elapsed())));
        QCOMPARE(read(copy), bundled_text + QStringLiteral("# my note"));
        QCOMPARE(read(bundled), bundled_text);
        QCOMPARE(document.runPath(), copy);
        QVERIFY(document.changedFromOriginal());

        const LessonLibrary lessons(std::filesystem::path(LOOPSCOPE_LESSONS_DIR));
        const QVariantMap first = lessons.lessons().constFirst().toMap();
        QVERIFY(first.value(QStringLiteral("changed")).toBool());
        QVERIFY(first.value(QStringLiteral("marks")).toString().contains(QStringLiteral("✎")));
        QCOMPARE(lessons.numberOf(copy), 1);
        // Opened again later, the lesson shows the user's copy.
        ScriptDocument again(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        QCOMPARE(again.open(bundled), copy);
        QCOMPARE(again.text(), bundled_text + QStringLiteral("# my note"));
    }

    void reset_to_original_removes_the_copy_and_brings_back_the_bundled_text() {
        const QString bundled = lesson_path("02_coroutines_are_lazy.py");
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        document.open(bundled);
        document.edit(document.text() + QStringLiteral("print('mine')\n"));
        document.flush();
        QVERIFY(QFileInfo::exists(user_copy_of(bundled)));
        QSignalSpy loaded(&document, &ScriptDocument::loaded);
        QCOMPARE(document.resetToOriginal(), bundled);
        QVERIFY(!QFileInfo::exists(user_copy_of(bundled)));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(document.text(), read(bundled));
        QVERIFY(!document.changedFromOriginal());
    }

    // Undoing back to the bundled text leaves no copy behind (the lesson is not "changed").
    void editing_back_to_the_original_removes_the_copy() {
        const QString bundled = lesson_path("02_coroutines_are_lazy.py");
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        document.open(bundled);
        const QString original = document.text();
        document.edit(original + QStringLiteral("#"));
        document.flush();
        QVERIFY(document.changedFromOriginal());
        document.edit(original);
        document.flush();
        QVERIFY(!document.changedFromOriginal());
    }

    // The copy runs from the user's folder and still imports lessons/lib.
    void a_users_copy_still_imports_the_lessons_lib() {
        const QString bundled = lesson_path("03_sequential_vs_concurrent.py");
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        document.open(bundled);
        document.edit(document.text() + QStringLiteral("print('edited copy')\n"));
        const QString run = document.prepareRun();
        QCOMPARE(run, user_copy_of(bundled));
        Engine engine;
        engine.runScript(run);
        engine.wait_until_finished();
        QVERIFY2(engine.status() == QStringLiteral("finished"), qPrintable(engine.error()));
    }

    // A file from disk: edits go to a recovery file, not the file, until it is saved; reopening
    // it brings the unsaved edits back and says so; saving removes the recovery file.
    void a_file_keeps_unsaved_edits_in_a_recovery_file_until_saved() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.py"));
        write(path, QStringLiteral("print('disk')\n"));
        {
            ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
            QCOMPARE(document.open(path), QFileInfo(path).canonicalFilePath());
            document.edit(QStringLiteral("print('typed')\n"));
            QVERIFY(document.unsaved());
            QTRY_VERIFY_WITH_TIMEOUT(!document.autosavePending(), 1000);
        }
        QCOMPARE(read(path), QStringLiteral("print('disk')\n"));
        ScriptDocument reopened(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        reopened.open(path);
        QCOMPARE(reopened.text(), QStringLiteral("print('typed')\n"));
        QVERIFY(reopened.unsaved());
        QVERIFY(reopened.notice().contains(QStringLiteral("Restored")));
        QVERIFY(reopened.save());
        QCOMPARE(read(path), QStringLiteral("print('typed')\n"));
        QVERIFY(QDir(recovery_folder()).entryList({QStringLiteral("mine-*.py")}).isEmpty());
        QCOMPARE(reopened.recentFiles().constFirst(), QFileInfo(path).canonicalFilePath());
    }

    // Opening another document with edits still waiting for the timer writes them first.
    void switching_documents_saves_pending_edits_first() {
        const QString bundled = lesson_path("04_who_finishes_first.py");
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        document.open(bundled);
        document.edit(document.text() + QStringLiteral("# pending\n"));
        QVERIFY(document.autosavePending());
        document.open(lesson_path("05_background_tasks.py"));
        QVERIFY(read(user_copy_of(bundled)).endsWith(QStringLiteral("# pending\n")));
    }

    void save_as_and_recent_files() {
        QTemporaryDir dir;
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        document.openUntitled();
        QCOMPARE(document.kind(), QStringLiteral("untitled"));
        QVERIFY(!document.save());  // no name yet
        for (int i = 0; i < 10; ++i) {
            const QString path = dir.filePath(QStringLiteral("s%1.py").arg(i));
            QVERIFY(document.saveAs(QUrl::fromLocalFile(path).toString()));
            QCOMPARE(document.kind(), QStringLiteral("file"));
            QVERIFY(QFileInfo::exists(path));
        }
        QCOMPARE(document.recentFiles().size(), ScriptDocument::kRecentFiles);
        QVERIFY(document.recentFiles().constFirst().endsWith(QStringLiteral("s9.py")));
    }

    void errors_name_their_line_and_column_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("line");
        QTest::newRow("syntax") << QStringLiteral("import asyncio\nprint('hi'\n")
                                << QStringLiteral(
                                       "line 2, column 6: SyntaxError: '(' was never closed")
                                << 2;
        QTest::newRow("syntax, indented")
            << QStringLiteral("def f():\n        y = 2 +* 3\n")
            << QStringLiteral("line 2, column 16: SyntaxError: invalid syntax") << 2;
        QTest::newRow("runtime, in a task")
            << QStringLiteral(
                   "import asyncio\n\nasync def main():\n    await asyncio.sleep(nothing)\n\n"
                   "asyncio.run(main())\n")
            << QStringLiteral("line 4, column 25: NameError: name 'nothing' is not defined") << 4;
    }
    void errors_name_their_line_and_column() {
        QFETCH(QString, source);
        QFETCH(QString, error);
        QFETCH(int, line);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("failing.py"));
        write(path, source);
        Engine engine;
        engine.runScript(path);
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("failed"));
        QCOMPARE(engine.error(), error);
        QCOMPARE(engine.errorLine(), line);
    }

    // The code pane underlines the error's column: the character under the underline is the
    // one the traceback's caret points at.
    void the_editor_marks_the_error_line_and_column() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("failing.py"));
        const QString source = QStringLiteral("import asyncio\n\nx = 1\nprint('hi'\n");
        write(path, source);
        Engine engine;
        engine.runScript(path);
        engine.wait_until_finished();
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        document.open(path);
        auto view = show_code_view(document, engine.error(), engine.errorLine());
        QVERIFY(view);
        QObject* root = view->rootObject();
        QCOMPARE(root->property("errorColumn").toInt(), 6);
        auto* underline = root->findChild<QQuickItem*>(QStringLiteral("errorUnderline"));
        auto* band = root->findChild<QQuickItem*>(QStringLiteral("errorBand"));
        QQuickItem* editor = editor_of(*view);
        QVERIFY(underline && band && editor);
        QTRY_VERIFY(underline->isVisible());
        QVERIFY(band->isVisible());
        // The band covers line 4; the underline sits under the `(`.
        const QPointF band_middle = band->mapToItem(editor, QPointF(1, band->height() / 2));
        int at = 0;
        QMetaObject::invokeMethod(editor, "positionAt", Q_RETURN_ARG(int, at),
                                  Q_ARG(qreal, band_middle.x()), Q_ARG(qreal, band_middle.y()));
        QCOMPARE(at, source.indexOf(QStringLiteral("print")));
        const QPointF under = underline->mapToItem(editor, QPointF(1, -4));
        QMetaObject::invokeMethod(editor, "positionAt", Q_RETURN_ARG(int, at),
                                  Q_ARG(qreal, under.x()), Q_ARG(qreal, under.y()));
        QCOMPARE(at, source.indexOf(QLatin1Char('(')));
    }

    // The picker's marks: answered checkpoints from QSettings (`answers/<base>/<id>`).
    void the_picker_counts_answered_checkpoints() {
        LessonLibrary lessons(std::filesystem::path(LOOPSCOPE_LESSONS_DIR));
        QVariantMap with_checkpoints;
        for (const QVariant& lesson : lessons.lessons()) {
            if (lesson.toMap().value(QStringLiteral("checkpoints")).toInt() >= 2) {
                with_checkpoints = lesson.toMap();
                break;
            }
        }
        QVERIFY2(!with_checkpoints.isEmpty(), "a lesson with two checkpoints");
        const QString base =
            QFileInfo(with_checkpoints.value(QStringLiteral("path")).toString()).completeBaseName();
        const QStringList ids =
            with_checkpoints.value(QStringLiteral("checkpointIds")).toStringList();
        QSettings().setValue(QStringLiteral("answers/%1/%2").arg(base, ids[0]),
                             QStringLiteral("correct"));
        QSignalSpy changed(&lessons, &LessonLibrary::lessonsChanged);
        lessons.refreshMarks();
        QCOMPARE(changed.size(), 1);
        const int number = with_checkpoints.value(QStringLiteral("number")).toInt();
        const QVariantMap now = lessons.lessons().at(number - 1).toMap();
        QCOMPARE(now.value(QStringLiteral("answered")).toInt(), 1);
        QCOMPARE(now.value(QStringLiteral("marks")).toString(),
                 QStringLiteral("1/%1 ✓").arg(ids.size()));
    }

    // In the whole window, keys typed in the editor are text: the one-key shortcuts (Space
    // plays, W zooms, D pans...) wait until the editor is left with Esc.
    void keys_typed_in_the_editor_are_text_not_shortcuts() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys.py"));
        const QString source = QStringLiteral("import asyncio\nasyncio.run(asyncio.sleep(1))\n");
        write(path, source);  // a loop: events for `.` to step through
        ScriptDocument document(QStringLiteral(LOOPSCOPE_LESSONS_DIR));
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        LoopStage stage(engine.store(), player);
        engine.runScript(document.open(path));
        engine.wait_until_finished();
        player.pause();
        player.seek(0);  // so that Space has something to play
        QQmlApplicationEngine qml;
        qml.addImportPath(module_.path());
        qml.setInitialProperties({
            {QStringLiteral("engine"), QVariant::fromValue(&engine)},
            {QStringLiteral("player"), QVariant::fromValue(&player)},
            {QStringLiteral("stage"), QVariant::fromValue(&stage)},
            {QStringLiteral("document"), QVariant::fromValue(&document)},
            {QStringLiteral("animated"), false},
        });
        qml.load(QUrl::fromLocalFile(module_.filePath(QStringLiteral("Loopscope/Main.qml"))));
        QVERIFY(!qml.rootObjects().isEmpty());
        auto* window = qobject_cast<QQuickWindow*>(qml.rootObjects().constFirst());
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        window->requestActivate();  // window shortcuts need the focus window
        QVERIFY(QTest::qWaitForWindowActive(window));
        auto* editor = window->findChild<QQuickItem*>(QStringLiteral("codeEditor"));
        QVERIFY(editor);
        QTRY_COMPARE(editor->property("text").toString(), source);
        editor->forceActiveFocus();
        editor->setProperty("cursorPosition", editor->property("length"));
        for (const char c : std::string("w .d")) {
            QTest::keyClick(window, c);
        }
        QCOMPARE(editor->property("text").toString(), source + QStringLiteral("w .d"));
        QVERIFY(!player.playing());  // Space was text
        QTest::keyClick(window, Qt::Key_Escape);
        QVERIFY(!editor->hasActiveFocus());  // Esc leaves the editor to the playback keys
        player.pause();
    }

    // The real app, killed with SIGKILL after typing: its next start gives the text back.
    void a_killed_app_gives_the_typed_text_back_data() {
        QTest::addColumn<bool>("lesson");
        QTest::newRow("a file from disk") << false;
        QTest::newRow("a lesson") << true;
    }
    void a_killed_app_gives_the_typed_text_back() {
        QFETCH(bool, lesson);
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("draft.py"));
        write(script, QStringLiteral("print('on disk')\n"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), data_home());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config_home());
        const QString typed = QStringLiteral("# typed before the crash");

        QProcess first;
        first.setProcessEnvironment(environment);
        QStringList arguments{QStringLiteral("--type-text"), typed};
        if (!lesson) {
            arguments.append(script);
        }
        first.start(QStringLiteral(LOOPSCOPE_APP_BINARY), arguments);
        QVERIFY(first.waitForStarted());
        QByteArray output;
        QTRY_VERIFY2_WITH_TIMEOUT((output += first.readAllStandardOutput()).contains("typed"),
                                  first.readAllStandardError().constData(), 30000);
        QTest::qWait(1500);  // past the autosave's second
        first.kill();        // SIGKILL: no clean-up runs
        QVERIFY(first.waitForFinished());
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);

        QProcess second;
        second.setProcessEnvironment(environment);
        second.start(QStringLiteral(LOOPSCOPE_APP_BINARY), {QStringLiteral("--print-editor-text")});
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(second.exitCode(), 0);
        const QString text = QString::fromUtf8(second.readAllStandardOutput());
        QVERIFY2(text.contains(typed), qPrintable(text.left(300)));
        if (!lesson) {
            QVERIFY(text.startsWith(QStringLiteral("print('on disk')\n")));
            QCOMPARE(read(script), QStringLiteral("print('on disk')\n"));  // not saved to it
        } else {
            QVERIFY(text.startsWith(QStringLiteral("\"\"\"")));  // lesson 1's docstring
        }
    }
};

}  // namespace
}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::EditorTest)
#include "editor_test.moc"
