#pragma once

#include <QImage>
#include <QObject>
#include <QProcess>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTimer>

class QQuickWindow;

namespace loopscope::app {

class Player;

// "Export video…" and `loopscope --export-video`: plays the run from one position to another
// at the player's speed, renders the window once per video frame and pipes the frames to
// FFmpeg, which writes a GIF (palettegen/paletteuse: one palette made for these frames), an
// MP4 (H.264) or a WebM (VP9), chosen by the file's suffix.
//
// The frames are not a screen recording: playback is driven frame by frame
// (Player::advance(1 / fps)) with the player paused, so every frame shows exactly the state
// at its time however slowly the machine renders, and the video runs at the player's speed.
// One frame is rendered per turn of the event loop, so the app stays responsive meanwhile.
class VideoExport : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString path;           // .gif, .mp4 or .webm
        int from = 0;           // the playhead's first position (events applied)
        int to = -1;            // the last position (-1: the end of the trace)
        double fps = 12;        // frames per second of video
        int max_width = -1;     // scale wider frames down (-1: 960 for a GIF, else none)
        int max_frames = 3600;  // a safety stop: five minutes at 12 fps
    };

    VideoExport(QQuickWindow& window, Player& player, Options options, QObject* parent = nullptr);
    ~VideoExport() override;

    // ffmpeg's path, empty when it is not installed.
    static QString ffmpeg_program();
    // The command line for frames of `frame` size, without the program.
    static QStringList ffmpeg_arguments(const Options& options, QSize frame);

    // Starts exporting; finished() follows (also for a failure to start).
    void start();
    void cancel();

    int frames_written() const { return frames_; }
    double progress() const;

signals:
    void progressChanged();
    void finished(bool ok, const QString& message);

private:
    void render_next_frame();
    void write_frame(const QImage& frame);
    void end_frames();
    void on_ffmpeg_finished(int exit_code, QProcess::ExitStatus status);
    void fail(const QString& message);

    QQuickWindow& window_;
    Player& player_;
    Options options_;
    QProcess ffmpeg_;
    QTimer frame_timer_;
    QSize frame_size_;
    int frames_ = 0;
    int last_position_ = 0;
    bool done_ = false;
    bool cancelled_ = false;
};

}  // namespace loopscope::app
