#pragma once

#include <QString>
#include <QVariantMap>

class QQuickWindow;

namespace loopscope::app {

class Player;

// What the app remembers between sessions (QSettings, organisation and application
// "Loopscope"): the main window's size, place and whether it was maximised, the lesson pane
// shown or hidden, the code pane's width as dragged, the theme (light, dark, contrast) and the
// playback speed.
//
// Restored before the window first shows (as QML initial properties, so it opens where it was
// without a jump), saved when the app quits. Command-line options win over what is remembered.
class WindowSettings {
public:
    // Adds the remembered geometry, lesson pane state and code pane width to the main window's
    // initial properties (only what is not in `properties` already, e.g. from --size).
    static void add_initial_properties(QVariantMap& properties);
    // After QML has loaded: the theme (through Main.qml's setTheme) and the maximised state.
    static void restore(QQuickWindow& window);
    // The playback speed (before the first run plays).
    static void restore(Player& player);
    // Writes everything down (on quit).
    static void save(const QQuickWindow& window, const Player& player);
};

}  // namespace loopscope::app
