#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QQuickWindow;

namespace loopscope::app {

class Exporter;

// `loopscope FILE --export-video out.gif --from N --to M`, `--export-trace out.json`,
// `--save-recording out.loopscope`: once the run is over and the window has drawn, writes what
// was asked for, then quits (exit code 0 if everything was written, 1 otherwise, with the
// reason on stderr). For scripts and docs that want pictures of runs without clicking.
class CommandLineExport : public QObject {
    Q_OBJECT

public:
    struct Request {
        QString trace_path;      // Chrome Trace Event JSON
        QString recording_path;  // .loopscope
        QString video_path;      // .gif, .mp4, .webm
        int from = 0;
        int to = -1;
        double fps = 0;  // 0: the exporter's default
        bool any() const {
            return !trace_path.isEmpty() || !recording_path.isEmpty() || !video_path.isEmpty();
        }
    };

    CommandLineExport(QQuickWindow& window, Exporter& exporter, Request request,
                      QObject* parent = nullptr);

private:
    void on_first_frame();
    void export_all();
    void quit(bool ok);

    QQuickWindow& window_;
    Exporter& exporter_;
    Request request_;
    QTimer settle_timer_;
    bool started_ = false;
};

}  // namespace loopscope::app
