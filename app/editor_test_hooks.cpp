#include "editor_test_hooks.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <memory>

namespace loopscope::app {

namespace {

// The window draws its first frame, then QML's Qt.callLater work settles.
constexpr int kSettleMs = 300;

QQuickItem* find_editor(QQuickWindow& window) {
    return window.findChild<QQuickItem*>(QStringLiteral("codeEditor"));
}

void when_shown(QQuickWindow& window, std::function<void()> action) {
    auto fired = std::make_shared<bool>(false);
    QObject::connect(&window, &QQuickWindow::frameSwapped, &window, [fired, action] {
        if (!*fired) {
            *fired = true;
            QTimer::singleShot(kSettleMs, action);
        }
    });
}

void send_key(QQuickWindow& window, int key, const QString& text) {
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QGuiApplication::sendEvent(&window, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QGuiApplication::sendEvent(&window, &release);
}

}  // namespace

void type_into_editor_when_shown(QQuickWindow& window, const QString& text) {
    when_shown(window, [&window, text] {
        QQuickItem* editor = find_editor(window);
        if (editor == nullptr) {
            std::fprintf(stderr, "loopscope: --type-text: no code editor\n");
            return;
        }
        editor->forceActiveFocus();
        editor->setProperty("cursorPosition", editor->property("length"));
        for (const QChar c : text) {
            if (c == QLatin1Char('\n')) {
                send_key(window, Qt::Key_Return, QStringLiteral("\r"));
            } else {
                // Qt's key codes for printable ASCII are the upper-case characters themselves.
                const char16_t code = c.toUpper().unicode();
                send_key(window, code >= 0x20 && code < 0x7f ? int{code} : int{Qt::Key_unknown},
                         QString(c));
            }
        }
        std::printf("typed\n");
        std::fflush(stdout);
    });
}

void print_editor_text_when_shown(QQuickWindow& window) {
    when_shown(window, [&window] {
        QQuickItem* editor = find_editor(window);
        if (editor == nullptr) {
            QCoreApplication::exit(1);
            return;
        }
        std::fputs(editor->property("text").toString().toUtf8().constData(), stdout);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
}

}  // namespace loopscope::app
