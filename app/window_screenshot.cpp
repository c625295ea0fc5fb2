#include "window_screenshot.h"

#include <QGuiApplication>
#include <QImage>
#include <QQuickWindow>
#include <chrono>
#include <cstdio>

namespace loopscope::app {

namespace {

using namespace std::chrono_literals;

// Long enough for fonts and layouts to settle after the first frame.
constexpr auto kSettleTime = 300ms;
// A window that has not drawn by then never will (no display, no GL).
constexpr auto kFirstFrameDeadline = 20s;

}  // namespace

WindowScreenshot::WindowScreenshot(QQuickWindow& window, QString path, QObject* parent)
    : QObject(parent), window_(window), path_(std::move(path)) {
    settle_timer_.setSingleShot(true);
    settle_timer_.setInterval(kSettleTime);
    connect(&settle_timer_, &QTimer::timeout, this, &WindowScreenshot::save_and_quit);

    give_up_timer_.setSingleShot(true);
    give_up_timer_.setInterval(kFirstFrameDeadline);
    connect(&give_up_timer_, &QTimer::timeout, this, &WindowScreenshot::give_up);
    give_up_timer_.start();

    // frameSwapped comes from the render thread: queue it to ours.
    connect(&window_, &QQuickWindow::frameSwapped, this, &WindowScreenshot::on_first_frame,
            Qt::QueuedConnection);
}

void WindowScreenshot::on_first_frame() {
    if (first_frame_seen_) {
        return;
    }
    first_frame_seen_ = true;
    give_up_timer_.stop();
    settle_timer_.start();
}

void WindowScreenshot::save_and_quit() {
    const QImage image = window_.grabWindow();
    if (image.isNull() || !image.save(path_, "PNG")) {
        std::fprintf(stderr, "loopscope: could not save a screenshot to %s\n", qPrintable(path_));
        QGuiApplication::exit(1);
        return;
    }
    QGuiApplication::exit(0);
}

void WindowScreenshot::give_up() {
    std::fprintf(stderr, "loopscope: the window drew no frame within %lld s; no screenshot\n",
                 static_cast<long long>(kFirstFrameDeadline.count()));
    QGuiApplication::exit(2);
}

}  // namespace loopscope::app
