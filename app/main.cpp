// The Loopscope desktop app: runs a scenario on the core event loop (on a worker thread, with
// the virtual clock) and animates the trace: the loop stage, the transport and the timeline.
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "checkpoint_controller.h"
// bookmarks, comparing runs
#include "app_benchmark.h"
#include "bookmarks.h"
#include "demo_scenarios.h"
#include "engine.h"
#include "interpreter_runner.h"
#include "lesson_library.h"
#include "loop_stage.h"
#include "player.h"
#include "qml_types.h"
#include "run_comparison.h"
#include "window_screenshot.h"
// exports, recordings, remembered settings
#include "command_line_export.h"
#include "command_line_values.h"
#include "exporter.h"
#include "recording_file.h"
#include "trace/recording.h"
#include "window_settings.h"
// the edited document, its test hooks
#include "editor_test_hooks.h"
#include "script_document.h"

int main(int argc, char* argv[]) {
    using namespace loopscope::app;
    // --benchmark: the first frame's delay counts from here.
    QElapsedTimer process_clock;
    process_clock.start();
    // First, so that Qt's own options (-platform, ...) are taken out of argv before ours.
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Loopscope"));
    QGuiApplication::setApplicationVersion(QStringLiteral(LOOPSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Loopscope: watch Python's asyncio event loop at work."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot_option(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window once it has drawn, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption scenario_option(
        QStringLiteral("scenario"),
        QStringLiteral("A built-in scenario to run instead of lesson 1 (see --list-scenarios)."),
        QStringLiteral("id"));
    const QCommandLineOption lesson_option(QStringLiteral("lesson"),
                                           QStringLiteral("The lesson to open (1 to 18)."),
                                           QStringLiteral("number"));
    // --seek is the documented name; --position stays as an alias.
    const QCommandLineOption position_option(
        QStringList{QStringLiteral("seek"), QStringLiteral("position")},
        QStringLiteral("Start paused with the playhead after this many events (end or -1: the "
                       "end; 60%: that share of the run; 3.5s: that moment of loop time)."),
        QStringLiteral("events"));
    const QCommandLineOption inspect_option(
        QStringLiteral("inspect"),
        QStringLiteral("Show this task in the inspector (its name, e.g. Task-2)."),
        QStringLiteral("task"));
    const QCommandLineOption size_option(QStringLiteral("size"),
                                         QStringLiteral("The window's size, e.g. 1920x1080."),
                                         QStringLiteral("WxH"));
    const QCommandLineOption stop_after_option(
        QStringLiteral("stop-after"),
        QStringLiteral("Stop the first run after this many seconds (--screenshot: 20)."),
        QStringLiteral("seconds"));
    const QCommandLineOption list_option(QStringLiteral("list-scenarios"),
                                         QStringLiteral("List the built-in scenarios and quit."));
    parser.addOption(screenshot_option);
    parser.addOption(scenario_option);
    parser.addOption(lesson_option);
    parser.addOption(position_option);
    parser.addOption(inspect_option);
    parser.addOption(size_option);
    parser.addOption(stop_after_option);
    parser.addOption(list_option);
    // ---- --benchmark (app_benchmark.h)
    const QCommandLineOption benchmark_option(
        QStringLiteral("benchmark"),
        QStringLiteral("Play the script at 1x (or, with the argument `pan`, pan the timeline of "
                       "a 1.2M-event trace), print fps and the worst frame time as JSON, quit."));
    const QCommandLineOption benchmark_seconds_option(
        QStringLiteral("benchmark-seconds"),
        QStringLiteral("How long --benchmark measures (default 10)."), QStringLiteral("seconds"));
    parser.addOption(benchmark_option);
    parser.addOption(benchmark_seconds_option);
    // ---- end --benchmark
    // a lesson checkpoint's card, opened at its pause (screenshots, demos).
    const QCommandLineOption checkpoint_option(
        QStringLiteral("checkpoint"),
        QStringLiteral(
            "Open the lesson's checkpoint with this id at its pause (with --screenshot)."),
        QStringLiteral("id"));
    parser.addOption(checkpoint_option);
    // ---- live mode, presentation, comparing runs
    const QCommandLineOption live_option(
        QStringLiteral("live"),
        QStringLiteral("Live mode: run on the real clock (waits really wait) at --live-speed."));
    const QCommandLineOption live_speed_option(
        QStringLiteral("live-speed"),
        QStringLiteral("The real clock's speed, 0.1 to 10 (default 1)."), QStringLiteral("factor"));
    const QCommandLineOption present_option(
        QStringLiteral("present"),
        QStringLiteral("Start in presentation mode (full screen, scaled, high contrast)."));
    const QCommandLineOption theme_option(QStringLiteral("theme"),
                                          QStringLiteral("The palette: light, dark or contrast."),
                                          QStringLiteral("name"));
    const QCommandLineOption compare_option(
        QStringLiteral("compare"),
        QStringLiteral("Twice: open two runs side by side on one time axis (a .py, or demo:ID)."),
        QStringLiteral("run"));
    parser.addOption(live_option);
    parser.addOption(live_speed_option);
    parser.addOption(present_option);
    parser.addOption(theme_option);
    parser.addOption(compare_option);
    // ---- end live
    // ---- exports from the command line (command_line_export.h)
    const QCommandLineOption export_video_option(
        QStringLiteral("export-video"),
        QStringLiteral("Once the run is over, film its playback (from --from to --to, at the "
                       "speed) as a .gif, .mp4 or .webm through ffmpeg, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption from_option(
        QStringLiteral("from"), QStringLiteral("--export-video starts at this event (default 0)."),
        QStringLiteral("events"));
    const QCommandLineOption to_option(
        QStringLiteral("to"),
        QStringLiteral("--export-video ends at this event (default: the end)."),
        QStringLiteral("events"));
    const QCommandLineOption fps_option(
        QStringLiteral("fps"), QStringLiteral("--export-video's frames per second (default 12)."),
        QStringLiteral("frames"));
    const QCommandLineOption speed_option(QStringLiteral("speed"),
                                          QStringLiteral("Playback speed, 0.1 to 10 (default 1)."),
                                          QStringLiteral("factor"));
    const QCommandLineOption export_trace_option(
        QStringLiteral("export-trace"),
        QStringLiteral("Once the run is over, save it as Chrome Trace Event JSON, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption save_recording_option(
        QStringLiteral("save-recording"),
        QStringLiteral("Once the run is over, save it as a .loopscope recording, then quit."),
        QStringLiteral("file"));
    parser.addOption(export_video_option);
    parser.addOption(from_option);
    parser.addOption(to_option);
    parser.addOption(fps_option);
    parser.addOption(speed_option);
    parser.addOption(export_trace_option);
    parser.addOption(save_recording_option);
    // ---- end share
    // ---- hooks for the crash-recovery test (editor_test_hooks.h)
    const QCommandLineOption type_text_option(
        QStringLiteral("type-text"),
        QStringLiteral("Once shown, type this text at the end of the code editor (tests)."),
        QStringLiteral("text"));
    const QCommandLineOption print_text_option(
        QStringLiteral("print-editor-text"),
        QStringLiteral("Once shown, print the code editor's text and quit (tests)."));
    parser.addOption(type_text_option);
    parser.addOption(print_text_option);
    // ---- end editor
    parser.addPositionalArgument(QStringLiteral("script.py"),
                                 QStringLiteral("A Python file to run (default: lesson 1)."));
    parser.process(app);

    if (parser.isSet(list_option)) {
        for (const DemoScenario& scenario : demo_scenarios()) {
            std::printf("%-10.*s %.*s\n", static_cast<int>(scenario.id.size()), scenario.id.data(),
                        static_cast<int>(scenario.title.size()), scenario.title.data());
        }
        return 0;
    }

    register_qml_types();
    Engine::set_script_runner(interpreter_script_runner());
    // Declared before the QML engine so that they outlive the QML that binds to them.
    LessonLibrary lessons(
        find_lessons_folder(QCoreApplication::applicationDirPath().toStdString()));
    // A value that cannot be right stops here with a message, before anything runs.
    {
        KnownValues known;
        known.lesson_count = static_cast<int>(lessons.lessons().size());
        for (const DemoScenario& scenario : demo_scenarios()) {
            known.scenario_ids.append(
                QString::fromUtf8(scenario.id.data(), static_cast<qsizetype>(scenario.id.size())));
        }
        known.theme_names = {QStringLiteral("light"), QStringLiteral("dark"),
                             QStringLiteral("contrast")};
        if (const QString problem = check_command_line(parser, known); !problem.isEmpty()) {
            std::fprintf(stderr, "loopscope: %s\n", qPrintable(problem));
            return 2;
        }
    }
    Engine engine;
    Player player(engine.store());
    player.attach(engine);
    LoopStage stage(engine.store(), player);
    // ---- Share menu actions; command-line exports; what the last session left.
    QCoreApplication::setOrganizationName(QStringLiteral("Loopscope"));
    Exporter exporter(engine, player);
    CommandLineExport::Request export_request;
    export_request.trace_path = parser.value(export_trace_option);
    export_request.recording_path = parser.value(save_recording_option);
    export_request.video_path = parser.value(export_video_option);
    export_request.from = parser.value(from_option).toInt();
    export_request.to = parser.isSet(to_option) ? parser.value(to_option).toInt() : -1;
    export_request.fps = parser.value(fps_option).toDouble();
    // Automated runs (pictures, exports, benchmarks) neither read nor change the user's settings.
    const bool remembers = !parser.isSet(screenshot_option) && !export_request.any() &&
                           !parser.isSet(QStringLiteral("benchmark"));
    if (remembers) {
        WindowSettings::restore(player);
    }
    if (parser.isSet(speed_option)) {
        player.setSpeed(parser.value(speed_option).toDouble());
    }
    // ---- end share
    // the lesson's checkpoints halt playback at their pauses and ask.
    CheckpointController checkpoints(engine.store(), player);
    checkpoints.attach(engine);
    // ---- bookmarks follow each run's script; live mode is chosen before the first run.
    if (QCoreApplication::organizationName().isEmpty()) {
        QCoreApplication::setOrganizationName(QStringLiteral("Loopscope"));
    }
    Bookmarks bookmarks;
    bookmarks.attach(engine);
    RunComparison comparison;
    if (parser.isSet(live_speed_option)) {
        const double speed = parser.value(live_speed_option).toDouble();
        engine.setLiveSpeed(speed);
        player.setSpeed(speed);
    }
    engine.setLive(parser.isSet(live_option));
    const QStringList compared = parser.values(compare_option);
    if (!compared.isEmpty() && compared.size() != 2) {
        std::fprintf(stderr, "loopscope: --compare takes two runs (give it twice)\n");
        return 2;
    }
    // ---- end live

    // ---- what the code pane edits; after a crash, the unsaved text comes back.
    ScriptDocument document(lessons.folder());
    document.set_remembers(remembers || parser.isSet(print_text_option));
    const QString restored = parser.positionalArguments().isEmpty() &&
                                     !parser.isSet(scenario_option) &&
                                     !parser.isSet(lesson_option) && document.remembers()
                                 ? document.restore_session()
                                 : QString();
    // The file to run for `path`: a lesson the user changed runs as their copy.
    const auto run_path_of = [&document](const QString& path) {
        const QString run = document.open(path);
        return run.isEmpty() ? path : run;
    };
    // ---- end editor

    const bool screenshot = parser.isSet(screenshot_option);
    constexpr std::chrono::milliseconds kLongestStillRun{20'000};
    const std::chrono::milliseconds stop_after =
        parser.isSet(stop_after_option) ? std::chrono::milliseconds(static_cast<std::int64_t>(
                                              parser.value(stop_after_option).toDouble() * 1000))
                                        : kLongestStillRun;
    // ---- --benchmark: `loopscope --benchmark pan` runs its own million-event script.
    const bool benchmark = parser.isSet(benchmark_option);
    const bool benchmark_pan = benchmark &&
                               parser.positionalArguments().value(0) == QStringLiteral("pan") &&
                               !QFileInfo::exists(QStringLiteral("pan"));
    AppBenchmark::Setup benchmark_setup;
    benchmark_setup.mode = benchmark_pan ? AppBenchmark::Mode::Pan : AppBenchmark::Mode::Play;
    if (parser.isSet(benchmark_seconds_option)) {
        benchmark_setup.seconds = parser.value(benchmark_seconds_option).toDouble();
    }
    QTemporaryDir benchmark_dir;
    if (benchmark_pan) {
        const QString script = benchmark_dir.filePath(QStringLiteral("million_events.py"));
        QFile file(script);
        if (!benchmark_dir.isValid() || !file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "loopscope: cannot write the benchmark script\n");
            return 1;
        }
        file.write(QByteArray::fromStdString(AppBenchmark::million_event_script()));
        file.close();
        const std::size_t rss_before = AppBenchmark::resident_bytes();
        engine.runScript(script);
        engine.wait_until_finished();
        benchmark_setup.trace_bytes = AppBenchmark::trace_memory_bytes(engine.store());
        const std::size_t rss_after = AppBenchmark::resident_bytes();
        benchmark_setup.rss_growth = rss_after > rss_before ? rss_after - rss_before : 0;
        benchmark_setup.subject = QStringLiteral("pan: million_events.py");
        player.pause();
        player.seek(player.count());
    }
    // ---- end --benchmark
    const bool positioned =
        parser.isSet(position_option) || screenshot || export_request.any();  // exports
    // A file, else a scenario, else a lesson (lesson 1 by default), else the gather demo when
    // the lessons cannot be found.
    const QString lesson_path =
        lessons.pathOf(parser.isSet(lesson_option) ? parser.value(lesson_option).toInt() : 1);
    if (benchmark_pan) {
        // Already run above.
    } else if (!parser.positionalArguments().isEmpty() &&
               parser.positionalArguments().constFirst().endsWith(
                   QStringLiteral(".") + QString::fromLatin1(kRecordingSuffix))) {
        // a recording replays without running anything.
        if (!exporter.openRecording(parser.positionalArguments().constFirst())) {
            std::fprintf(stderr, "loopscope: %s\n", qPrintable(exporter.message()));
            return 1;
        }
    } else if (!parser.positionalArguments().isEmpty()) {
        engine.runScript(run_path_of(parser.positionalArguments().constFirst()));  // editor
    } else if (parser.isSet(scenario_option)) {
        engine.runScenario(parser.value(scenario_option));
    } else if (!restored.isEmpty()) {
        engine.runScript(restored);  // what the last session left unsaved
    } else if (!lesson_path.isEmpty()) {
        engine.runScript(run_path_of(lesson_path));  // editor
    } else {
        engine.runScenario(QStringLiteral("gather"));
    }
    // The player plays each new run from its start; a still picture wants the whole run
    // first, then the playhead where it was asked to be.
    if (positioned) {
        // A script that never ends is stopped for its picture.
        engine.wait_until_finished(stop_after);
        const std::optional<SeekTarget> seek_to = parser.isSet(position_option)
                                                      ? parse_seek(parser.value(position_option))
                                                      : SeekTarget{};  // the end
        player.pause();
        player.seek(static_cast<int>(seek_to->position_in(engine.store())));
    }

    if (!positioned && parser.isSet(stop_after_option)) {
        QTimer::singleShot(stop_after, &engine, [&engine] { engine.stop(); });
    }

    // --checkpoint ID opens that checkpoint's card at its pause (the run is over).
    if (positioned && parser.isSet(checkpoint_option) &&
        !checkpoints.askById(parser.value(checkpoint_option))) {
        std::fprintf(stderr, "loopscope: no checkpoint '%s' with a pause in this run\n",
                     qPrintable(parser.value(checkpoint_option)));
    }

    // The inspected task, by name, as of the playhead.
    int inspected = 0;
    if (parser.isSet(inspect_option)) {
        const std::string wanted = parser.value(inspect_option).toStdString();
        for (const auto& task : player.state().tasks()) {
            if (engine.store().text(task.name) == wanted) {
                inspected = static_cast<int>(task.id);
            }
        }
    }

    // ---- `--compare A --compare B` opens the comparison window alone.
    if (compared.size() == 2) {
        comparison.open(compared[0], compared[1]);
        if (screenshot) {
            // A still picture of both runs, the shared playhead halfway through the longer.
            comparison.wait_until_finished(stop_after);
            comparison.seekTime(comparison.endTime() / 2);
        }
    }
    // ---- end live
    // glyphs as plain textured quads instead of distance fields. Without a GPU (Mesa
    // llvmpipe, where the app is measured) the distance-field shader on every glyph was about a
    // third of each frame's CPU (docs/PERFORMANCE.md, "The app"); the text stays crisp at the
    // sizes we use, and presentation mode scales fonts, not items.
    QQuickWindow::setTextRenderType(QQuickWindow::NativeTextRendering);
    QQmlApplicationEngine qml;
    // Qt 6.4 has no loadFromModule: the module lives under this import path.
    qml.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QVariantMap properties{
        {QStringLiteral("engine"), QVariant::fromValue(&engine)},
        {QStringLiteral("player"), QVariant::fromValue(&player)},
        {QStringLiteral("stage"), QVariant::fromValue(&stage)},
        {QStringLiteral("lessons"), QVariant::fromValue(&lessons)},
        {QStringLiteral("animated"), !screenshot},
        {QStringLiteral("selectedTask"), inspected},
        {QStringLiteral("checkpoints"), QVariant::fromValue(&checkpoints)},
        {QStringLiteral("bookmarks"), QVariant::fromValue(&bookmarks)},
        {QStringLiteral("comparison"), QVariant::fromValue(&comparison)},
        {QStringLiteral("exporter"), QVariant::fromValue(&exporter)},
        {QStringLiteral("document"), QVariant::fromValue(&document)},
    };
    if (remembers) {
        WindowSettings::add_initial_properties(properties);  // --size (next) wins
    }
    if (parser.isSet(size_option)) {
        const QSize size = *parse_window_size(parser.value(size_option));
        properties.insert(QStringLiteral("width"), size.width());
        properties.insert(QStringLiteral("height"), size.height());
    }
    // ---- the comparison window takes the main window's place with --compare.
    if (compared.size() == 2) {
        properties = QVariantMap{{QStringLiteral("comparison"), QVariant::fromValue(&comparison)},
                                 {QStringLiteral("lessons"), QVariant::fromValue(&lessons)},
                                 {QStringLiteral("animated"), !screenshot},
                                 {QStringLiteral("visible"), true}};
        if (parser.isSet(size_option)) {
            const QSize size = *parse_window_size(parser.value(size_option));
            properties.insert(QStringLiteral("width"), size.width());
            properties.insert(QStringLiteral("height"), size.height());
        }
    }
    // ---- end live
    qml.setInitialProperties(properties);
    qml.load(QUrl(compared.size() == 2 ? QStringLiteral("qrc:/qt/qml/Loopscope/CompareWindow.qml")
                                       : QStringLiteral("qrc:/qt/qml/Loopscope/Main.qml")));
    if (qml.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(qml.rootObjects().constFirst());
    if (window == nullptr) {
        return 1;
    }

    // ---- the remembered theme (--theme, next, wins), exports, saving settings on quit.
    exporter.set_window(window);
    if (remembers) {
        WindowSettings::restore(*window);
        QObject::connect(&app, &QGuiApplication::aboutToQuit, window,
                         [window, &player] { WindowSettings::save(*window, player); });
    }
    std::unique_ptr<CommandLineExport> command_line_export;
    if (export_request.any()) {
        command_line_export =
            std::make_unique<CommandLineExport>(*window, exporter, export_request);
    }
    // ---- end share
    // ---- the palette and presentation mode, before the first frame.
    if (parser.isSet(theme_option)) {
        QMetaObject::invokeMethod(window, "setTheme",
                                  Q_ARG(QVariant, QVariant(parser.value(theme_option))));
    }
    if (parser.isSet(present_option) && compared.isEmpty()) {
        QMetaObject::invokeMethod(window, "setPresenting", Q_ARG(QVariant, QVariant(true)));
    }
    // ---- end live
    // ---- the crash-recovery test's hooks.
    if (parser.isSet(type_text_option)) {
        type_into_editor_when_shown(*window, parser.value(type_text_option));
    }
    if (parser.isSet(print_text_option)) {
        print_editor_text_when_shown(*window);
    }
    // ---- end editor
    std::unique_ptr<WindowScreenshot> saver;
    if (screenshot) {
        saver = std::make_unique<WindowScreenshot>(*window, parser.value(screenshot_option));
    }
    std::unique_ptr<AppBenchmark> benchmarker;
    if (benchmark) {
        if (benchmark_setup.subject.isEmpty()) {
            benchmark_setup.subject = QStringLiteral("play: ") + engine.scenarioName();
        }
        benchmarker =
            std::make_unique<AppBenchmark>(*window, engine, player, benchmark_setup, process_clock);
    }
    return QGuiApplication::exec();
}
