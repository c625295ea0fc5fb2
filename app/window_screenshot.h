#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QQuickWindow;

namespace loopscope::app {

// `loopscope --screenshot FILE.png`: once the window has shown its first frame, saves a
// picture of it and quits the app, with exit code 0 when the file was written.
//
// A static scene renders only once, so this waits for one swapped frame (proof the window is
// exposed and the scene graph is up) and a short settle, then renders afresh with grabWindow.
class WindowScreenshot : public QObject {
    Q_OBJECT

public:
    WindowScreenshot(QQuickWindow& window, QString path, QObject* parent = nullptr);

private:
    void on_first_frame();
    void save_and_quit();
    void give_up();

    QQuickWindow& window_;
    QString path_;
    QTimer settle_timer_;
    QTimer give_up_timer_;
    bool first_frame_seen_ = false;
};

}  // namespace loopscope::app
