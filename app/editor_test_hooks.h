#pragma once

#include <QString>

class QQuickWindow;

namespace loopscope::app {

// Command-line hooks into the code editor, for tests that must run the real app process (a
// crash-recovery test types, waits for the autosave, kills the app with SIGKILL, starts it
// again and reads what came back). They find the editor by its objectName, "codeEditor".

// Once the window is shown: focuses the editor, puts the cursor at the end and types `text` as
// key events (each character a key press, "\n" the Return key), as a user would.
void type_into_editor_when_shown(QQuickWindow& window, const QString& text);

// Once the window is shown: prints the editor's text to stdout and quits (exit code 0; 1 if
// there is no editor).
void print_editor_text_when_shown(QQuickWindow& window);

}  // namespace loopscope::app
