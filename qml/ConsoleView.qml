// What the scenario printed up to the playhead; each line in its task's colour. Clicking a line
// seeks to the event that printed it.
import QtQuick
import QtQuick.Controls
import Loopscope
import Loopscope.Native 1.0

Rectangle {
    id: view

    property KeyedListModel model
    property Player player
    // Why the run failed (the error's line and message), after what it printed; empty if it
    // did not.
    property string failure

    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.panelEdge

    Text {
        id: heading
        anchors { left: parent.left; top: parent.top; margins: 10 }
        text: "CONSOLE"
        color: Theme.faintInk
        font.pixelSize: Theme.tinySize
        font.bold: true
        font.letterSpacing: 1
    }

    ListView {
        id: list
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: failureText.visible ? failureText.top : parent.bottom; margins: 8 }
        clip: true
        model: view.model
        onCountChanged: positionViewAtEnd()
        ScrollBar.vertical: ScrollBar {}
        delegate: Item {
            required property string text
            required property string taskName
            required property real hue
            required property var event
            required property bool error
            width: ListView.view.width
            height: line.implicitHeight + 4
            Row {
                spacing: 8
                Text {
                    width: 90
                    elide: Text.ElideRight
                    text: taskName.length > 0 ? taskName : "—"
                    color: Theme.taskColour(hue)
                    font.pixelSize: Theme.smallSize
                    font.family: Theme.monospace
                }
                Text {
                    id: line
                    text: parent.parent.text
                    color: error ? Theme.failed : Theme.ink
                    font.pixelSize: Theme.smallSize
                    font.family: Theme.monospace
                }
            }
            MouseArea {
                anchors.fill: parent
                onClicked: view.player.seek(Number(event) + 1)
            }
        }
    }

    Text {
        id: failureText
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 8 }
        // No height binding (a wrapped Text's implicit height follows its width: binding its
        // height to it loops); the list above anchors to it only while it shows.
        visible: view.failure.length > 0
        text: view.failure
        wrapMode: Text.WordWrap
        color: Theme.failed
        font.pixelSize: Theme.smallSize
        font.family: Theme.monospace
    }
}
