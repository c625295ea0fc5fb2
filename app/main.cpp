// The Loopscope desktop app. For now it runs a built-in demo on the core event loop and shows
// what each iteration did; the full visualizer replaces this window later.
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QUrl>
#include <memory>

#include "demo_scenario.h"
#include "loop/event_loop.h"
#include "loop_iteration_model.h"
#include "window_screenshot.h"

int main(int argc, char* argv[]) {
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
    parser.addOption(screenshot_option);
    parser.process(app);

    // The virtual clock makes the run instant and identical every time.
    loopscope::EventLoop loop;
    loopscope::app::schedule_demo(loop);
    loop.run_forever();

    // Declared before the engine so it outlives the QML that binds to it.
    loopscope::app::LoopIterationModel iterations(loop.recorder());

    QQmlApplicationEngine engine;
    // Qt 6.4 has no loadFromModule: the module lives under this import path.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({
        {QStringLiteral("iterations"), QVariant::fromValue(&iterations)},
        {QStringLiteral("demoSource"), loopscope::app::demo_python_source()},
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Loopscope/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window == nullptr) {
        return 1;
    }

    std::unique_ptr<loopscope::app::WindowScreenshot> screenshot;
    if (parser.isSet(screenshot_option)) {
        screenshot = std::make_unique<loopscope::app::WindowScreenshot>(
            *window, parser.value(screenshot_option));
    }
    return QGuiApplication::exec();
}
