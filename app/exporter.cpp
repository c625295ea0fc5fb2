#include "exporter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QQuickItem>
#include <QQuickItemGrabResult>
#include <QQuickWindow>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <algorithm>
#include <sstream>

#include "chrome_trace_writer.h"
#include "engine.h"
#include "player.h"
#include "recording_file.h"
#include "video_export.h"

namespace loopscope::app {

namespace {

// A picture with a single colour is a failed render (a window not shown yet, no GL).
bool is_blank(const QImage& image) {
    if (image.isNull()) {
        return true;
    }
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            if (image.pixel(x, y) != first) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

Exporter::Exporter(Engine& engine, Player& player, QObject* parent)
    : QObject(parent), engine_(engine), player_(player) {
    // Any other run ends the replay.
    connect(&engine_, &Engine::runStarted, this, [this] {
        if (!opening_) {
            set_replaying(false);
        }
    });
}

void Exporter::set_replaying(bool replaying) {
    if (replaying != replaying_) {
        replaying_ = replaying;
        emit replayingChanged();
    }
}

Exporter::~Exporter() = default;

void Exporter::set_window(QQuickWindow* window) {
    window_ = window;
}

double Exporter::progress() const {
    return video_ != nullptr ? video_->progress() : 0.0;
}

bool Exporter::videoAvailable() const {
    return !VideoExport::ffmpeg_program().isEmpty();
}

QString Exporter::local_path(const QString& typed) {
    QString path = typed.trimmed();
    if (path.startsWith(QStringLiteral("file:"))) {
        path = QUrl(path).toLocalFile();
    }
    if (path.startsWith(QStringLiteral("~/"))) {
        path = QDir::homePath() + path.mid(1);
    }
    return path;
}

QString Exporter::suggestedPath(const QString& suffix, const QString& what) const {
    QStandardPaths::StandardLocation location = QStandardPaths::DocumentsLocation;
    if (suffix == QStringLiteral("png")) {
        location = QStandardPaths::PicturesLocation;
    } else if (suffix == QStringLiteral("gif") || suffix == QStringLiteral("mp4") ||
               suffix == QStringLiteral("webm")) {
        location = QStandardPaths::MoviesLocation;
    }
    QString folder = QStandardPaths::writableLocation(location);
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QDir::homePath();
    }
    QString name = QFileInfo(engine_.scenarioName()).completeBaseName();
    if (name.isEmpty()) {
        name = QStringLiteral("run");
    }
    const QString stamp =
        QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmmss"));
    const QString kind = what.isEmpty() ? QString() : QLatin1Char('-') + what;
    return QDir(folder).filePath(
        QStringLiteral("loopscope-%1%2-%3.%4").arg(name, kind, stamp, suffix));
}

bool Exporter::report(bool ok, const QString& message) {
    message_ = message;
    last_ok_ = ok;
    emit finished(ok, message);
    return ok;
}

bool Exporter::make_parent_folder(const QString& path) {
    if (path.isEmpty()) {
        return report(false, QStringLiteral("No file name given."));
    }
    const QDir folder = QFileInfo(path).absoluteDir();
    if (!folder.exists() && !QDir().mkpath(folder.absolutePath())) {
        return report(false, QStringLiteral("Cannot create the folder %1").arg(folder.path()));
    }
    return true;
}

bool Exporter::saveWindowImage(const QString& typed) {
    const QString path = local_path(typed);
    if (!make_parent_folder(path)) {
        return false;
    }
    if (window_ == nullptr) {
        return report(false, QStringLiteral("There is no window to take a picture of."));
    }
    const QImage image = window_->grabWindow();
    if (is_blank(image)) {
        return report(false, QStringLiteral("The window has not drawn yet; no picture taken."));
    }
    if (!image.save(path, "PNG")) {
        return report(false, QStringLiteral("Cannot write %1").arg(path));
    }
    return report(true, QStringLiteral("Saved the window as %1").arg(path));
}

bool Exporter::saveTimelineImage(QQuickItem* timeline, const QString& typed) {
    const QString path = local_path(typed);
    if (!make_parent_folder(path)) {
        return false;
    }
    if (timeline == nullptr || timeline->window() == nullptr || !timeline->isVisible()) {
        return report(false, QStringLiteral("The timeline is not shown; no picture taken."));
    }
    // Renders the item alone, into its own texture: the same pixels as on screen, without
    // what lies around or over it.
    timeline_grab_ = timeline->grabToImage();
    if (timeline_grab_ == nullptr) {
        return report(false, QStringLiteral("The timeline cannot be rendered now."));
    }
    connect(timeline_grab_.data(), &QQuickItemGrabResult::ready, this, [this, path] {
        const QImage image = timeline_grab_->image();
        timeline_grab_.reset();
        if (is_blank(image)) {
            report(false, QStringLiteral("The timeline rendered blank; no picture taken."));
        } else if (!image.save(path, "PNG")) {
            report(false, QStringLiteral("Cannot write %1").arg(path));
        } else {
            report(true, QStringLiteral("Saved the timeline as %1").arg(path));
        }
    });
    return true;
}

bool Exporter::saveChromeTrace(const QString& typed) {
    const QString path = local_path(typed);
    if (!make_parent_folder(path)) {
        return false;
    }
    if (engine_.store().size() == 0) {
        return report(false, QStringLiteral("The run has no events yet."));
    }
    std::ostringstream json;
    {
        exporters::ChromeTraceWriter writer(json);
        const std::string title = engine_.scenarioName().toStdString();
        writer.write_run(engine_.store().recorder(), 1, title);
        writer.finish();
    }
    const std::string text = json.str();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return report(false, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit()) {
        return report(false, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return report(true, QStringLiteral("Saved the trace (%1 events) as %2 — open it in "
                                       "ui.perfetto.dev")
                            .arg(engine_.store().size())
                            .arg(path));
}

bool Exporter::saveRecording(const QString& typed) {
    QString path = local_path(typed);
    if (!make_parent_folder(path)) {
        return false;
    }
    if (engine_.running()) {
        return report(false, QStringLiteral("The run is still going: stop it or let it finish, "
                                            "then save the recording."));
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".") + QString::fromLatin1(kRecordingSuffix);
    }
    const QString error = save_recording_file(capture_recording(engine_), path);
    if (!error.isEmpty()) {
        return report(false, error);
    }
    return report(true, QStringLiteral("Saved the recording (%1 events) as %2")
                            .arg(engine_.store().size())
                            .arg(path));
}

bool Exporter::openRecording(const QString& typed) {
    const QString path = local_path(typed);
    trace::Recording recording;
    const QString error = open_recording_file(path, recording);
    if (!error.isEmpty()) {
        return report(false, error);
    }
    // Said before the run starts, so that what reacts to runStarted knows it is a replay.
    set_replaying(true);
    opening_ = true;
    engine_.show_recording(recording);
    opening_ = false;
    return report(true, QStringLiteral("Opened the recording %1 (%2 events)")
                            .arg(path)
                            .arg(recording.events.size()));
}

bool Exporter::exportVideo(const QString& typed, int from, int to, double fps) {
    const QString path = local_path(typed);
    if (!make_parent_folder(path)) {
        return false;
    }
    if (video_ != nullptr) {
        return report(false, QStringLiteral("A video is being made already."));
    }
    if (window_ == nullptr) {
        return report(false, QStringLiteral("There is no window to film."));
    }
    VideoExport::Options options;
    options.path = path;
    options.from = std::max(0, from);
    options.to = to;
    if (fps > 0) {
        options.fps = fps;
    }
    // Cards jump to their places: an animation half-way would be frozen in a frame.
    animated_before_video_ = window_->property("animated").toBool();
    window_->setProperty("animated", false);
    video_ = std::make_unique<VideoExport>(*window_, player_, options);
    connect(video_.get(), &VideoExport::progressChanged, this, &Exporter::progressChanged);
    connect(video_.get(), &VideoExport::finished, this, [this](bool ok, const QString& message) {
        if (window_ != nullptr) {
            window_->setProperty("animated", animated_before_video_);
        }
        // Deleted after this signal has been delivered everywhere.
        video_.release()->deleteLater();
        emit busyChanged();
        report(ok, message);
    });
    emit busyChanged();
    video_->start();
    return video_ == nullptr ? last_ok_ : true;
}

void Exporter::cancelVideo() {
    if (video_ != nullptr) {
        video_->cancel();
    }
}

}  // namespace loopscope::app
