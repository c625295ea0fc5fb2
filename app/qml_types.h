#pragma once

namespace loopscope::app {

// Makes the app's C++ types known to QML under `import Loopscope.Native`: the TimelineItem
// (creatable) and the Engine, Player, LoopStage and KeyedListModel the app hands to the views.
// Call once before loading QML (main and the QML tests do).
void register_qml_types();

}  // namespace loopscope::app
