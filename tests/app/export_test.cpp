// Exporting and sharing (docs/APP.md "Exporting and sharing"): the Chrome trace parses and has
// one track per task, with no overlapping slices on a track; the PNGs of the window and of the
// timeline are not blank; a saved recording reopens to the same state (same events, same
// console, same State at a position) and a damaged one is refused with a message; the
// command line writes the same files, and a GIF through ffmpeg when it is installed.
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickView>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <map>

#include "engine.h"
#include "exporter.h"
#include "interpreter_runner.h"
#include "player.h"
#include "qml_types.h"
#include "trace/state.h"
#include "trace/state_text.h"
#include "video_export.h"
#include "window_settings.h"

namespace loopscope::app {

namespace {

// Distinct colours in a picture, sampled on a grid.
int colour_count(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            colours.insert(image.pixel(x, y));
        }
    }
    return static_cast<int>(colours.size());
}

// The State at `position`, as text (the core's describe(): every task, timer and primitive).
std::string state_at(const Engine& engine, std::size_t position) {
    trace::State state;
    engine.store().seek(position, state);
    return trace::describe(state, engine.store().recorder());
}

}  // namespace

class ExportTest : public QObject {
    Q_OBJECT

    QTemporaryDir settings_dir_;

private slots:
    void initTestCase() {
        // Pictures, documents and settings go to temporary folders, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(settings_dir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_dir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("Loopscope"));
        QCoreApplication::setApplicationName(QStringLiteral("LoopscopeExportTest"));
        register_qml_types();
        Engine::set_script_runner(interpreter_script_runner());
    }

    void the_chrome_trace_parses_and_has_one_track_per_task() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        engine.runScenario(QStringLiteral("semaphore"));
        engine.wait_until_finished();
        player.seek(player.count());
        const auto task_count = static_cast<int>(player.state().tasks().size());
        QVERIFY(task_count >= 3);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.json"));
        Exporter exporter(engine, player);
        QVERIFY2(exporter.saveChromeTrace(path), qPrintable(exporter.message()));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray events = document.object().value(QStringLiteral("traceEvents")).toArray();
        QVERIFY(!events.isEmpty());

        // Track names (metadata "thread_name"): tid 0 is the loop, each task's track has the
        // task's id and name. Slices: B/E pairs per track must nest to depth one (no overlap).
        std::map<int, QString> task_names;
        for (const auto& task : player.state().tasks()) {
            const std::string_view name = engine.store().text(task.name);
            task_names[static_cast<int>(task.id)] =
                QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
        }
        QSet<int> task_tracks;
        std::map<int, int> open_slices;
        int flows = 0;
        int counters = 0;
        for (const QJsonValue& value : events) {
            const QJsonObject event = value.toObject();
            const QString phase = event.value(QStringLiteral("ph")).toString();
            const int tid = event.value(QStringLiteral("tid")).toInt();
            if (phase == QStringLiteral("M") &&
                event.value(QStringLiteral("name")).toString() == QStringLiteral("thread_name")) {
                const QString name = event.value(QStringLiteral("args"))
                                         .toObject()
                                         .value(QStringLiteral("name"))
                                         .toString();
                const auto task = task_names.find(tid);
                if (task != task_names.end() && task->second == name) {
                    task_tracks.insert(tid);
                }
            } else if (phase == QStringLiteral("B")) {
                QVERIFY2(++open_slices[tid] == 1, "two slices open at once on one track");
            } else if (phase == QStringLiteral("E")) {
                QVERIFY2(--open_slices[tid] == 0, "a slice ended that was not open");
            } else if (phase == QStringLiteral("s") || phase == QStringLiteral("f")) {
                ++flows;
            } else if (phase == QStringLiteral("C")) {
                ++counters;
            }
        }
        QCOMPARE(task_tracks.size(), task_count);
        QVERIFY2(flows > 0, "flow arrows for awaits and wake-ups");
        QVERIFY2(counters > 0, "counters for the semaphore's permits");
    }

    void a_saved_recording_reopens_to_the_same_state() {
        // A lesson script: console output, lesson text and a source to show again.
        const QString lesson = QStringLiteral(LOOPSCOPE_LESSONS_DIR) +
                               QStringLiteral("/03_sequential_vs_concurrent.py");
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        engine.runScript(lesson);
        engine.wait_until_finished();
        QCOMPARE(engine.status(), QStringLiteral("finished"));
        QVERIFY(engine.eventCount() > 50);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesson3"));  // suffix added
        Exporter exporter(engine, player);
        QVERIFY2(exporter.saveRecording(path), qPrintable(exporter.message()));
        QVERIFY(QFile::exists(path + QStringLiteral(".loopscope")));

        Engine replay;
        Player replay_player(replay.store());
        replay_player.attach(replay);
        QSignalSpy finished(&replay, &Engine::runFinished);
        Exporter opener(replay, replay_player);
        QVERIFY2(opener.openRecording(path + QStringLiteral(".loopscope")),
                 qPrintable(opener.message()));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!replay.running());
        QCOMPARE(replay.eventCount(), engine.eventCount());
        QCOMPARE(replay.source(), engine.source());
        QCOMPARE(replay.scenarioName(), engine.scenarioName());
        QCOMPARE(replay.lessonTitle(), engine.lessonTitle());
        QCOMPARE(replay.codeFirstLine(), engine.codeFirstLine());
        QCOMPARE(replay.status(), engine.status());
        QCOMPARE(replay.store().console().size(), engine.store().console().size());
        for (std::size_t line = 0; line < engine.store().console().size(); ++line) {
            QCOMPARE(replay.store().console()[line].text, engine.store().console()[line].text);
            QCOMPARE(replay.store().console()[line].event, engine.store().console()[line].event);
        }
        const auto count = static_cast<std::size_t>(engine.eventCount());
        for (const std::size_t position : {std::size_t{1}, count / 3, count / 2, count}) {
            QCOMPARE(state_at(replay, position), state_at(engine, position));
        }
        // The replay plays from its start, as a fresh run does.
        QCOMPARE(replay_player.position(), 0);
        QVERIFY(replay_player.playing());
        // The code pane shows the recorded script until another run starts.
        QVERIFY(opener.replaying());
        replay.runScenario(QStringLiteral("hello"));
        QVERIFY(!opener.replaying());
        replay.wait_until_finished();
    }

    void a_damaged_recording_is_refused_with_a_message() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        engine.runScenario(QStringLiteral("gather"));
        engine.wait_until_finished();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gather.loopscope"));
        Exporter exporter(engine, player);
        QVERIFY(exporter.saveRecording(path));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const QString cut = dir.filePath(QStringLiteral("cut.loopscope"));
        QFile cut_file(cut);
        QVERIFY(cut_file.open(QIODevice::WriteOnly));
        cut_file.write(bytes.left(bytes.size() / 2));
        cut_file.close();

        const int before = engine.eventCount();
        QVERIFY(!exporter.openRecording(cut));
        QVERIFY2(exporter.message().contains(QStringLiteral("recording")),
                 qPrintable(exporter.message()));
        QCOMPARE(engine.eventCount(), before);  // what was shown stays
        QVERIFY(!exporter.openRecording(dir.filePath(QStringLiteral("missing.loopscope"))));
        QVERIFY(!exporter.openRecording(QStringLiteral(LOOPSCOPE_LESSONS_DIR) +
                                        QStringLiteral("/01_hello_event_loop.py")));
        QVERIFY2(exporter.message().contains(QStringLiteral("signature")),
                 qPrintable(exporter.message()));
    }

    void the_pngs_of_the_window_and_the_timeline_are_not_blank() {
        Engine engine;
        Player player(engine.store());
        player.attach(engine);
        engine.runScenario(QStringLiteral("gather"));
        engine.wait_until_finished();
        player.pause();
        player.seek(player.count());

        QQuickView view;
        view.rootContext()->setContextProperty(QStringLiteral("theEngine"), &engine);
        view.rootContext()->setContextProperty(QStringLiteral("thePlayer"), &player);
        view.setColor(Qt::white);
        QQmlComponent component(view.engine());
        component.setData(R"(
            import QtQuick
            import Loopscope.Native 1.0
            Item {
                width: 900; height: 300
                Text { text: "Loopscope"; font.pixelSize: 24 }
                TimelineItem {
                    objectName: "timeline"
                    y: 40; width: 900; height: 260
                    engine: theEngine; player: thePlayer; laneHeight: 20
                }
            })",
                          QUrl());
        auto* root = qobject_cast<QQuickItem*>(component.create(view.rootContext()));
        QVERIFY2(root != nullptr, qPrintable(component.errorString()));
        root->setParentItem(view.contentItem());
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        Exporter exporter(engine, player);
        exporter.set_window(&view);
        QTemporaryDir dir;
        const QString window_png = dir.filePath(QStringLiteral("pictures/window.png"));
        QVERIFY2(exporter.saveWindowImage(window_png), qPrintable(exporter.message()));
        const QImage window_image(window_png);
        QCOMPARE(window_image.size(), QSize(900, 300) * view.devicePixelRatio());
        QVERIFY2(colour_count(window_image) > 5, "the window picture is not blank");

        auto* timeline = root->findChild<QQuickItem*>(QStringLiteral("timeline"));
        QVERIFY(timeline != nullptr);
        const QString timeline_png = dir.filePath(QStringLiteral("timeline.png"));
        QSignalSpy done(&exporter, &Exporter::finished);
        QVERIFY(exporter.saveTimelineImage(timeline, timeline_png));
        QVERIFY(done.wait(10000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(exporter.message()));
        const QImage timeline_image(timeline_png);
        QCOMPARE(timeline_image.size(), QSize(900, 260) * view.devicePixelRatio());
        QVERIFY2(colour_count(timeline_image) > 3, "the timeline picture is not blank");
        delete root;
    }

    void ffmpeg_arguments_make_a_gif_with_its_own_palette() {
        VideoExport::Options options;
        options.path = QStringLiteral("/tmp/x.gif");
        const QStringList gif = VideoExport::ffmpeg_arguments(options, QSize(1440, 900));
        QVERIFY(gif.contains(QStringLiteral("1440x900")));
        const QString filter = gif.at(gif.indexOf(QStringLiteral("-vf")) + 1);
        QVERIFY(filter.contains(QStringLiteral("palettegen")));
        QVERIFY(filter.contains(QStringLiteral("paletteuse")));
        QVERIFY(filter.contains(QStringLiteral("scale=960")));  // slides do not need more
        options.path = QStringLiteral("/tmp/x.mp4");
        const QStringList mp4 = VideoExport::ffmpeg_arguments(options, QSize(1440, 900));
        QVERIFY(mp4.contains(QStringLiteral("libx264")));
        QCOMPARE(mp4.last(), options.path);
    }

    // What the window settings save comes back as the next session's initial properties and
    // speed; a window placed on a screen that is gone is not placed there again.
    void window_settings_come_back_next_session() {
        Engine engine;
        Player player(engine.store());
        QQuickWindow window;
        window.setGeometry(40, 50, 1300, 800);
        window.setProperty("lessonPaneOpen", false);
        window.setProperty("codePaneWidth", 520.0);
        player.setSpeed(2.5);
        WindowSettings::save(window, player);

        QVariantMap properties;
        WindowSettings::add_initial_properties(properties);
        QCOMPARE(properties.value(QStringLiteral("width")).toInt(), 1300);
        QCOMPARE(properties.value(QStringLiteral("height")).toInt(), 800);
        QCOMPARE(properties.value(QStringLiteral("lessonPaneOpen")).toBool(), false);
        QCOMPARE(properties.value(QStringLiteral("codePaneWidth")).toDouble(), 520.0);
        Player next(engine.store());
        WindowSettings::restore(next);
        QCOMPARE(next.speed(), 2.5);

        // --size given: the command line wins.
        QVariantMap sized{{QStringLiteral("width"), 1920}};
        WindowSettings::add_initial_properties(sized);
        QCOMPARE(sized.value(QStringLiteral("width")).toInt(), 1920);

        window.setGeometry(-50000, -50000, 1300, 800);  // a projector unplugged since
        WindowSettings::save(window, player);
        QVariantMap elsewhere;
        WindowSettings::add_initial_properties(elsewhere);
        QVERIFY(!elsewhere.contains(QStringLiteral("x")));
        QCOMPARE(elsewhere.value(QStringLiteral("width")).toInt(), 1300);
    }

    // The command line: `loopscope --scenario gather --export-trace --save-recording
    // --export-video`, then the recording opened with `loopscope FILE.loopscope --screenshot`.
    void the_command_line_exports_and_reopens_a_recording() {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("gather.json"));
        const QString recording = dir.filePath(QStringLiteral("gather.loopscope"));
        const QString gif = dir.filePath(QStringLiteral("gather.gif"));
        const bool with_video = !VideoExport::ffmpeg_program().isEmpty();
        QStringList arguments{QStringLiteral("--scenario"),       QStringLiteral("gather"),
                              QStringLiteral("--export-trace"),   json,
                              QStringLiteral("--save-recording"), recording,
                              QStringLiteral("--size"),           QStringLiteral("1280x760")};
        if (with_video) {
            arguments << QStringLiteral("--export-video") << gif << QStringLiteral("--from")
                      << QStringLiteral("10") << QStringLiteral("--to") << QStringLiteral("40")
                      << QStringLiteral("--speed") << QStringLiteral("4");
        }
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("cfg")));
        QProcess app;
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(LOOPSCOPE_APP_BINARY), arguments);
        QVERIFY(app.waitForFinished(120000));
        const QString errors = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(app.exitCode() == 0, qPrintable(errors));
        QVERIFY(QFile::exists(json));
        QVERIFY(QFile::exists(recording));
        if (with_video) {
            QFile file(gif);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(errors));
            QCOMPARE(file.read(6), QByteArray("GIF89a"));
            QVERIFY(file.size() > 10000);
        }

        const QString shot = dir.filePath(QStringLiteral("replay.png"));
        QProcess replay;
        replay.setProcessEnvironment(environment);
        replay.start(QStringLiteral(LOOPSCOPE_APP_BINARY),
                     {recording, QStringLiteral("--screenshot"), shot});
        QVERIFY(replay.waitForFinished(60000));
        const QString replay_errors = QString::fromUtf8(replay.readAllStandardError());
        QVERIFY2(replay.exitCode() == 0, qPrintable(replay_errors));
        QVERIFY2(!replay_errors.contains(QStringLiteral("qrc:/")), qPrintable(replay_errors));
        QVERIFY(colour_count(QImage(shot)) > 50);

        if (!with_video) {
            QSKIP("ffmpeg is not installed: the GIF export was not tried (scripts/install-deps)");
        }
    }
};

}  // namespace loopscope::app

QTEST_MAIN(loopscope::app::ExportTest)
#include "export_test.moc"
