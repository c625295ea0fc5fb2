// The handle between two panes: drag it to give one pane more room, double-click to return to
// the default. It only reports widths; the window decides what they mean and remembers them.
import QtQuick
import Loopscope

Item {
    id: divider

    // The width of the pane to the divider's left when the drag began, and the limits.
    required property real paneWidth
    property real minimumWidth: 240
    property real maximumWidth: 10000
    signal resized(real width)
    signal resetRequested()

    implicitWidth: 8
    // The grip shows where to take hold: three dots, stronger under the mouse.
    Column {
        anchors.centerIn: parent
        spacing: 3
        Repeater {
            model: 3
            Rectangle {
                width: 3; height: 3; radius: 1.5
                color: drag.containsMouse || drag.pressed ? Theme.accent : Theme.faintInk
            }
        }
    }

    MouseArea {
        id: drag
        objectName: "paneDividerArea"
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.SplitHCursor
        property real startX: 0
        property real startWidth: 0
        onPressed: (mouse) => {
            startX = mapToItem(null, mouse.x, 0).x
            startWidth = divider.paneWidth
        }
        onPositionChanged: (mouse) => {
            if (!pressed) return
            const moved = mapToItem(null, mouse.x, 0).x - startX
            divider.resized(Math.max(divider.minimumWidth,
                                     Math.min(divider.maximumWidth, startWidth + moved)))
        }
        onDoubleClicked: divider.resetRequested()
    }
}
