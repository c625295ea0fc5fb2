#include "window_settings.h"

#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QSettings>

#include "player.h"

namespace loopscope::app {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kMaximized = QStringLiteral("window/maximized");
const QString kLessonPane = QStringLiteral("window/lessonPaneOpen");
const QString kCodePaneWidth = QStringLiteral("window/codePaneWidth");
const QString kTheme = QStringLiteral("view/theme");
const QString kSpeed = QStringLiteral("playback/speed");

// The QML singleton Theme of the Loopscope module, if it has been made.
QObject* theme_of(const QQuickWindow& window) {
    QQmlEngine* engine = qmlEngine(&window);
    const int type = qmlTypeId("Loopscope", 1, 0, "Theme");
    return engine == nullptr || type < 0 ? nullptr : engine->singletonInstance<QObject*>(type);
}

}  // namespace

void WindowSettings::add_initial_properties(QVariantMap& properties) {
    const QSettings settings;
    QRect geometry = settings.value(kGeometry).toRect();
    // A window placed on a screen that is gone (a projector unplugged) comes back at the
    // default place, on the primary screen.
    const QScreen* screen = QGuiApplication::primaryScreen();
    bool on_a_screen = false;
    for (const QScreen* candidate : QGuiApplication::screens()) {
        on_a_screen = on_a_screen || candidate->availableGeometry().intersects(geometry);
    }
    if (geometry.isValid() && screen != nullptr) {
        if (!properties.contains(QStringLiteral("width"))) {
            properties.insert(QStringLiteral("width"), geometry.width());
            properties.insert(QStringLiteral("height"), geometry.height());
            if (on_a_screen) {
                properties.insert(QStringLiteral("x"), geometry.x());
                properties.insert(QStringLiteral("y"), geometry.y());
            }
        }
    }
    if (settings.contains(kLessonPane) && !properties.contains(QStringLiteral("lessonPaneOpen"))) {
        properties.insert(QStringLiteral("lessonPaneOpen"), settings.value(kLessonPane).toBool());
    }
    if (settings.contains(kCodePaneWidth)) {
        properties.insert(QStringLiteral("codePaneWidth"),
                          settings.value(kCodePaneWidth).toDouble());
    }
}

void WindowSettings::restore(QQuickWindow& window) {
    const QSettings settings;
    if (settings.contains(kTheme)) {
        QMetaObject::invokeMethod(&window, "setTheme",
                                  Q_ARG(QVariant, settings.value(kTheme).toString()));
    }
    if (settings.value(kMaximized).toBool()) {
        window.showMaximized();
    }
}

void WindowSettings::restore(Player& player) {
    const QSettings settings;
    if (settings.contains(kSpeed)) {
        player.setSpeed(settings.value(kSpeed).toDouble());
    }
}

void WindowSettings::save(const QQuickWindow& window, const Player& player) {
    QSettings settings;
    const bool maximized = window.visibility() == QWindow::Maximized;
    // Full screen is presentation mode, not a size to come back to.
    if (!maximized && window.visibility() != QWindow::FullScreen) {
        settings.setValue(kGeometry, window.geometry());
    }
    if (window.visibility() != QWindow::FullScreen) {
        settings.setValue(kMaximized, maximized);
    }
    settings.setValue(kLessonPane, window.property("lessonPaneOpen"));
    if (const QVariant width = window.property("codePaneWidth"); width.isValid()) {
        settings.setValue(kCodePaneWidth, width);
    }
    // Presentation mode switches to the contrast palette; the user's own is kept aside.
    const bool presenting = window.property("presenting").toBool();
    const QVariant theme = presenting ? window.property("themeBeforePresenting") : QVariant();
    if (theme.isValid()) {
        settings.setValue(kTheme, theme);
    } else if (QObject* singleton = theme_of(window); singleton != nullptr) {
        settings.setValue(kTheme, singleton->property("name"));
    }
    settings.setValue(kSpeed, player.speed());
}

}  // namespace loopscope::app
