#include "video_export.h"

#include <QFileInfo>
#include <QQuickWindow>
#include <QStandardPaths>
#include <algorithm>

#include "player.h"

namespace loopscope::app {

namespace {

// GIFs for slides: wider frames cost megabytes and are scaled down on the slide anyway.
constexpr int kGifMaxWidth = 960;
// Frames waiting in the pipe: beyond this, wait for ffmpeg to catch up.
constexpr qint64 kMaxBufferedBytes = 64LL * 1024 * 1024;

}  // namespace

VideoExport::VideoExport(QQuickWindow& window, Player& player, Options options, QObject* parent)
    : QObject(parent), window_(window), player_(player), options_(std::move(options)) {
    frame_timer_.setSingleShot(true);
    frame_timer_.setInterval(0);
    connect(&frame_timer_, &QTimer::timeout, this, &VideoExport::render_next_frame);
    connect(&ffmpeg_, &QProcess::finished, this, &VideoExport::on_ffmpeg_finished);
    connect(&ffmpeg_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            fail(QStringLiteral("Could not start ffmpeg: %1").arg(ffmpeg_.errorString()));
        }
    });
}

VideoExport::~VideoExport() {
    if (ffmpeg_.state() != QProcess::NotRunning) {
        ffmpeg_.kill();
        ffmpeg_.waitForFinished(2000);
    }
}

QString VideoExport::ffmpeg_program() {
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QStringList VideoExport::ffmpeg_arguments(const Options& options, QSize frame) {
    const QString suffix = QFileInfo(options.path).suffix().toLower();
    const bool gif = suffix == QStringLiteral("gif");
    const int max_width = options.max_width >= 0 ? options.max_width : (gif ? kGifMaxWidth : 0);
    const QString fps = QString::number(options.fps);
    QStringList arguments{
        QStringLiteral("-hide_banner"),
        QStringLiteral("-loglevel"),
        QStringLiteral("error"),
        QStringLiteral("-y"),
        // raw RGBA frames on stdin, one after the other
        QStringLiteral("-f"),
        QStringLiteral("rawvideo"),
        QStringLiteral("-pix_fmt"),
        QStringLiteral("rgba"),
        QStringLiteral("-s"),
        QStringLiteral("%1x%2").arg(frame.width()).arg(frame.height()),
        QStringLiteral("-r"),
        fps,
        QStringLiteral("-i"),
        QStringLiteral("-"),
    };
    // Even sizes: H.264 and VP9 with 4:2:0 chroma need them.
    QString scale = QStringLiteral("scale=trunc(iw/2)*2:trunc(ih/2)*2");
    if (max_width > 0 && frame.width() > max_width) {
        scale = QStringLiteral("scale=%1:-2:flags=lanczos").arg(max_width);
    }
    if (gif) {
        // One palette for the whole clip, from the frames themselves; differences between
        // frames weigh most (stats_mode=diff), as the moving parts are what matters.
        arguments << QStringLiteral("-vf")
                  << scale + QStringLiteral(
                                 ",split[a][b];[a]palettegen=stats_mode=diff[p];"
                                 "[b][p]paletteuse=dither=bayer:bayer_scale=4");
    } else if (suffix == QStringLiteral("webm")) {
        arguments << QStringLiteral("-vf") << scale << QStringLiteral("-c:v")
                  << QStringLiteral("libvpx-vp9") << QStringLiteral("-b:v") << QStringLiteral("0")
                  << QStringLiteral("-crf") << QStringLiteral("32") << QStringLiteral("-pix_fmt")
                  << QStringLiteral("yuv420p");
    } else {
        arguments << QStringLiteral("-vf") << scale << QStringLiteral("-c:v")
                  << QStringLiteral("libx264") << QStringLiteral("-preset")
                  << QStringLiteral("veryfast") << QStringLiteral("-crf") << QStringLiteral("23")
                  << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p")
                  << QStringLiteral("-movflags") << QStringLiteral("+faststart");
    }
    arguments << options.path;
    return arguments;
}

double VideoExport::progress() const {
    const int end = options_.to < 0 ? player_.count() : std::min(options_.to, player_.count());
    const int span = end - options_.from;
    if (span <= 0) {
        return done_ ? 1.0 : 0.0;
    }
    return std::clamp(static_cast<double>(last_position_ - options_.from) / span, 0.0, 1.0);
}

void VideoExport::start() {
    const QString suffix = QFileInfo(options_.path).suffix().toLower();
    if (suffix != QStringLiteral("gif") && suffix != QStringLiteral("mp4") &&
        suffix != QStringLiteral("webm")) {
        fail(QStringLiteral("A video is .gif, .mp4 or .webm, not '%1'.").arg(options_.path));
        return;
    }
    if (ffmpeg_program().isEmpty()) {
        fail(QStringLiteral("Exporting video needs ffmpeg (Debian package ffmpeg)."));
        return;
    }
    if (options_.fps <= 0) {
        options_.fps = 12;
    }
    player_.pause();
    player_.seek(options_.from);
    last_position_ = player_.position();
    frame_timer_.start();
}

void VideoExport::cancel() {
    if (done_) {
        return;
    }
    cancelled_ = true;
    frame_timer_.stop();
    if (ffmpeg_.state() != QProcess::NotRunning) {
        ffmpeg_.kill();
    }
    fail(QStringLiteral("Video export cancelled."));
}

void VideoExport::render_next_frame() {
    if (done_) {
        return;
    }
    const QImage image = window_.grabWindow();
    if (image.isNull()) {
        fail(QStringLiteral("Could not render the window (is it shown?)."));
        return;
    }
    if (frames_ == 0) {
        frame_size_ = image.size();
        ffmpeg_.setProgram(ffmpeg_program());
        ffmpeg_.setArguments(ffmpeg_arguments(options_, frame_size_));
        ffmpeg_.start();
        if (!ffmpeg_.waitForStarted(10'000)) {
            return;  // errorOccurred has said why
        }
    }
    write_frame(image);
    if (done_) {
        return;
    }
    ++frames_;
    last_position_ = player_.position();
    emit progressChanged();
    const int end = options_.to < 0 ? player_.count() : std::min(options_.to, player_.count());
    if (player_.position() >= end || frames_ >= options_.max_frames) {
        end_frames();
        return;
    }
    player_.advance(1.0 / options_.fps);
    if (options_.to >= 0 && player_.position() > options_.to) {
        player_.seek(options_.to);
    }
    frame_timer_.start();
}

void VideoExport::write_frame(const QImage& frame) {
    // A window resized meanwhile (or another device pixel ratio) still gives frames of the
    // first one's size: ffmpeg's raw input has one size.
    QImage rgba = frame.convertToFormat(QImage::Format_RGBA8888);
    if (rgba.size() != frame_size_) {
        rgba = rgba.scaled(frame_size_, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    const qsizetype row_bytes = static_cast<qsizetype>(frame_size_.width()) * 4;
    for (int y = 0; y < rgba.height(); ++y) {
        ffmpeg_.write(reinterpret_cast<const char*>(rgba.constScanLine(y)), row_bytes);
    }
    while (ffmpeg_.bytesToWrite() > kMaxBufferedBytes && ffmpeg_.state() == QProcess::Running) {
        ffmpeg_.waitForBytesWritten(1000);
    }
    if (ffmpeg_.state() != QProcess::Running) {
        fail(QStringLiteral("ffmpeg stopped early: %1")
                 .arg(QString::fromLocal8Bit(ffmpeg_.readAllStandardError()).trimmed()));
    }
}

void VideoExport::end_frames() {
    // ffmpeg writes the file once its input ends.
    ffmpeg_.closeWriteChannel();
}

void VideoExport::on_ffmpeg_finished(int exit_code, QProcess::ExitStatus status) {
    if (done_ || cancelled_) {
        return;
    }
    if (status != QProcess::NormalExit || exit_code != 0) {
        fail(QStringLiteral("ffmpeg failed (exit code %1): %2")
                 .arg(exit_code)
                 .arg(QString::fromLocal8Bit(ffmpeg_.readAllStandardError()).trimmed()));
        return;
    }
    done_ = true;
    emit progressChanged();
    emit finished(true, QStringLiteral("Saved %1 frames to %2").arg(frames_).arg(options_.path));
}

void VideoExport::fail(const QString& message) {
    if (done_) {
        return;
    }
    done_ = true;
    frame_timer_.stop();
    emit finished(false, message);
}

}  // namespace loopscope::app
