#include "qml_types.h"

#include <QQmlEngine>

#include "engine.h"
#include "keyed_list_model.h"
#include "lesson_library.h"
#include "loop_stage.h"
#include "player.h"
#include "timeline_item.h"

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
}

}  // namespace loopscope::app
