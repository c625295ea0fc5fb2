#include "command_line_export.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <cstdio>

#include "exporter.h"

namespace loopscope::app {

namespace {

// As WindowScreenshot: fonts and layouts settle after the first frame.
constexpr int kSettleMilliseconds = 300;

void say(const QString& message) {
    std::fprintf(stderr, "loopscope: %s\n", qPrintable(message));
}

}  // namespace

CommandLineExport::CommandLineExport(QQuickWindow& window, Exporter& exporter, Request request,
                                     QObject* parent)
    : QObject(parent), window_(window), exporter_(exporter), request_(std::move(request)) {
    settle_timer_.setSingleShot(true);
    settle_timer_.setInterval(kSettleMilliseconds);
    connect(&settle_timer_, &QTimer::timeout, this, &CommandLineExport::export_all);
    // frameSwapped comes from the render thread: queue it to ours.
    connect(&window_, &QQuickWindow::frameSwapped, this, &CommandLineExport::on_first_frame,
            Qt::QueuedConnection);
}

void CommandLineExport::on_first_frame() {
    if (!started_) {
        started_ = true;
        settle_timer_.start();
    }
}

void CommandLineExport::export_all() {
    bool ok = true;
    if (!request_.trace_path.isEmpty()) {
        ok = exporter_.saveChromeTrace(request_.trace_path) && ok;
        say(exporter_.message());
    }
    if (!request_.recording_path.isEmpty()) {
        ok = exporter_.saveRecording(request_.recording_path) && ok;
        say(exporter_.message());
    }
    if (request_.video_path.isEmpty()) {
        quit(ok);
        return;
    }
    connect(&exporter_, &Exporter::finished, this, [this, ok](bool video_ok, const QString&) {
        say(exporter_.message());
        quit(ok && video_ok);
    });
    exporter_.exportVideo(request_.video_path, request_.from, request_.to, request_.fps);
}

void CommandLineExport::quit(bool ok) {
    QGuiApplication::exit(ok ? 0 : 1);
}

}  // namespace loopscope::app
