#include "qml_types.h"

#include <QQmlEngine>

#include "checkpoint_controller.h"
#include "engine.h"
#include "exporter.h"
// bookmarks, comparing runs
#include "bookmarks.h"
#include "keyed_list_model.h"
#include "lesson_library.h"
#include "loop_stage.h"
#include "player.h"
#include "run_comparison.h"
#include "timeline_item.h"
// highlighting, the edited document
#include "python_highlighter.h"
#include "script_document.h"

namespace loopscope::app {

void register_qml_types() {
    constexpr const char* kUri = "Loopscope.Native";
    qmlRegisterType<TimelineItem>(kUri, 1, 0, "TimelineItem");
    const QString made_by_app = QStringLiteral("The app creates it.");
    qmlRegisterUncreatableType<Engine>(kUri, 1, 0, "Engine", made_by_app);
    qmlRegisterUncreatableType<Player>(kUri, 1, 0, "Player", made_by_app);
    qmlRegisterUncreatableType<LoopStage>(kUri, 1, 0, "LoopStage", made_by_app);
    qmlRegisterUncreatableType<LessonLibrary>(kUri, 1, 0, "LessonLibrary", made_by_app);
    qmlRegisterUncreatableType<KeyedListModel>(kUri, 1, 0, "KeyedListModel", made_by_app);
    // bookmarks, comparing runs
    qmlRegisterUncreatableType<Bookmarks>(kUri, 1, 0, "Bookmarks", made_by_app);
    qmlRegisterUncreatableType<RunComparison>(kUri, 1, 0, "RunComparison", made_by_app);
    qmlRegisterUncreatableType<CheckpointController>(kUri, 1, 0, "Checkpoints", made_by_app);
    // highlighting, the edited document
    qmlRegisterType<PythonHighlighter>(kUri, 1, 0, "PythonHighlighter");
    qmlRegisterUncreatableType<ScriptDocument>(kUri, 1, 0, "ScriptDocument", made_by_app);
    // exports, recordings, video
    qmlRegisterUncreatableType<Exporter>(kUri, 1, 0, "Exporter", made_by_app);
}

}  // namespace loopscope::app
