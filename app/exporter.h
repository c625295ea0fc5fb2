#pragma once

#include <QObject>
#include <QPointer>
#include <QSharedPointer>
#include <QString>
#include <memory>

class QQuickItem;
class QQuickItemGrabResult;
class QQuickWindow;

namespace loopscope::app {

class Engine;
class Player;
class VideoExport;

// What the app's Share menu does (docs/APP.md "Exporting and sharing"): pictures of the window
// or of the timeline, the trace as Chrome Trace Event JSON (the exporter `loopscope-run
// --trace` uses), a `.loopscope` recording to save or open, and a GIF or video of the playback.
// Each action reports in `message` (and finished()) what it did or why it could not.
class Exporter : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString message READ message NOTIFY finished)
    Q_PROPERTY(bool lastOk READ lastOk NOTIFY finished)
    // A video is being made (one at a time).
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(bool videoAvailable READ videoAvailable CONSTANT)
    // The run shown is an opened recording (until the next run starts): the code pane shows the
    // recorded script read-only rather than the editor's document.
    Q_PROPERTY(bool replaying READ replaying NOTIFY replayingChanged)

public:
    Exporter(Engine& engine, Player& player, QObject* parent = nullptr);
    ~Exporter() override;

    // The window the pictures and videos are taken of (set once QML has loaded it).
    void set_window(QQuickWindow* window);

    QString message() const { return message_; }
    bool lastOk() const { return last_ok_; }
    bool busy() const { return video_ != nullptr; }
    double progress() const;
    bool videoAvailable() const;
    bool replaying() const { return replaying_; }

    // A path to offer for `suffix` (png, json, loopscope, gif, mp4): the scenario's name and
    // the time, in the user's Pictures, Videos or Documents folder.
    Q_INVOKABLE QString suggestedPath(const QString& suffix, const QString& what = {}) const;

    // Each returns whether it worked (timeline pictures and videos: whether they started;
    // finished() says how they ended). Paths may be file:// URLs or start with ~/.
    Q_INVOKABLE bool saveWindowImage(const QString& path);
    Q_INVOKABLE bool saveTimelineImage(QQuickItem* timeline, const QString& path);
    Q_INVOKABLE bool saveChromeTrace(const QString& path);
    Q_INVOKABLE bool saveRecording(const QString& path);
    Q_INVOKABLE bool openRecording(const QString& path);
    // from/to: playhead positions (to -1: the end); fps 0: the default (12).
    Q_INVOKABLE bool exportVideo(const QString& path, int from, int to, double fps = 0);
    Q_INVOKABLE void cancelVideo();

    // A path as the user typed it: file:// URLs and ~/ made plain.
    static QString local_path(const QString& typed);

signals:
    void finished(bool ok, const QString& message);
    void busyChanged();
    void progressChanged();
    void replayingChanged();

private:
    bool report(bool ok, const QString& message);
    bool make_parent_folder(const QString& path);
    void set_replaying(bool replaying);

    Engine& engine_;
    Player& player_;
    QPointer<QQuickWindow> window_;
    std::unique_ptr<VideoExport> video_;
    // The timeline picture being rendered (kept alive until it is ready).
    QSharedPointer<QQuickItemGrabResult> timeline_grab_;
    bool animated_before_video_ = true;
    QString message_;
    bool last_ok_ = true;
    bool replaying_ = false;
    bool opening_ = false;  // the engine's runStarted comes from openRecording
};

}  // namespace loopscope::app
