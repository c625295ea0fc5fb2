// The Loopscope desktop app: runs a scenario on the core event loop (on a worker thread, with
// the virtual clock) and animates the trace: the loop stage, the transport and the timeline.
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QUrl>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "demo_scenarios.h"
#include "engine.h"
#include "interpreter_runner.h"
#include "lesson_library.h"
#include "loop_stage.h"
#include "player.h"
#include "qml_types.h"
#include "window_screenshot.h"

int main(int argc, char* argv[]) {
    using namespace loopscope::app;
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
    const QCommandLineOption position_option(
        QStringLiteral("position"),
        QStringLiteral("Start paused with the playhead after this many events (-1: the end)."),
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
    Engine engine;
    Player player(engine.store());
    player.attach(engine);
    LoopStage stage(engine.store(), player);

    const bool screenshot = parser.isSet(screenshot_option);
    constexpr std::chrono::milliseconds kLongestStillRun{20'000};
    const std::chrono::milliseconds stop_after =
        parser.isSet(stop_after_option) ? std::chrono::milliseconds(static_cast<std::int64_t>(
                                              parser.value(stop_after_option).toDouble() * 1000))
                                        : kLongestStillRun;
    const bool positioned = parser.isSet(position_option) || screenshot;
    // A file, else a scenario, else a lesson (lesson 1 by default), else the gather demo when
    // the lessons cannot be found.
    const QString lesson_path =
        lessons.pathOf(parser.isSet(lesson_option) ? parser.value(lesson_option).toInt() : 1);
    if (!parser.positionalArguments().isEmpty()) {
        engine.runScript(parser.positionalArguments().constFirst());
    } else if (parser.isSet(scenario_option)) {
        engine.runScenario(parser.value(scenario_option));
    } else if (!lesson_path.isEmpty()) {
        engine.runScript(lesson_path);
    } else {
        engine.runScenario(QStringLiteral("gather"));
    }
    // The player plays each new run from its start; a still picture wants the whole run
    // first, then the playhead where it was asked to be.
    if (positioned) {
        // A script that never ends is stopped for its picture.
        engine.wait_until_finished(stop_after);
        const int position = parser.value(position_option).toInt();
        player.pause();
        player.seek(position < 0 || !parser.isSet(position_option) ? player.count() : position);
    }

    if (!positioned && parser.isSet(stop_after_option)) {
        QTimer::singleShot(stop_after, &engine, [&engine] { engine.stop(); });
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
    };
    if (parser.isSet(size_option)) {
        const QStringList size = parser.value(size_option).split(QLatin1Char('x'));
        if (size.size() == 2) {
            properties.insert(QStringLiteral("width"), size[0].toInt());
            properties.insert(QStringLiteral("height"), size[1].toInt());
        }
    }
    qml.setInitialProperties(properties);
    qml.load(QUrl(QStringLiteral("qrc:/qt/qml/Loopscope/Main.qml")));
    if (qml.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(qml.rootObjects().constFirst());
    if (window == nullptr) {
        return 1;
    }

    std::unique_ptr<WindowScreenshot> saver;
    if (screenshot) {
        saver = std::make_unique<WindowScreenshot>(*window, parser.value(screenshot_option));
    }
    return QGuiApplication::exec();
}
