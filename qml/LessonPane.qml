// The lesson's text (its module docstring, in Markdown) beside the code: what to watch, the
// takeaway, what to try; then its checkpoints, each marked right / wrong once answered (a click
// asks it again at its pause), and whether playback halts at them.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

Rectangle {
    id: pane

    property string title
    property string text
    property Checkpoints checkpoints: null

    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.panelEdge

    Text {
        id: heading
        anchors { left: parent.left; top: parent.top; margins: 10 }
        text: "LESSON"
        color: Theme.faintInk
        font.pixelSize: Theme.tinySize
        font.bold: true
        font.letterSpacing: 1
    }

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; margins: 10 }
        contentHeight: column.height
        clip: true
        ScrollBar.vertical: ScrollBar {}

        Column {
            id: column
            width: flick.width - 8
            spacing: 8

            Text {
                width: parent.width
                text: pane.title
                wrapMode: Text.WordWrap
                color: Theme.ink
                font.pixelSize: Theme.titleSize
                font.bold: true
            }
            Text {
                width: parent.width
                text: pane.text
                textFormat: Text.MarkdownText
                wrapMode: Text.WordWrap
                color: Theme.ink
                font.pixelSize: Theme.bodySize
                onLinkActivated: (link) => Qt.openUrlExternally(link)
            }

            // The checkpoints.
            Text {
                visible: pane.checkpoints !== null && pane.checkpoints.count > 0
                topPadding: 8
                text: "CHECKPOINTS"
                color: Theme.faintInk
                font.pixelSize: Theme.tinySize
                font.bold: true
                font.letterSpacing: 1
            }
            CheckBox {
                objectName: "checkpointsEnabled"
                visible: pane.checkpoints !== null && pane.checkpoints.count > 0
                width: parent.width
                text: "Pause to ask (K)"
                font.pixelSize: Theme.smallSize
                checked: pane.checkpoints !== null && pane.checkpoints.enabled
                onToggled: pane.checkpoints.enabled = checked
            }
            Repeater {
                model: pane.checkpoints ? pane.checkpoints.items : []
                delegate: ItemDelegate {
                    required property var modelData
                    required property int index
                    width: column.width
                    enabled: modelData.position >= 0
                    padding: 4
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: "Ask it again at its pause"
                    onClicked: pane.checkpoints.askAt(index)
                    contentItem: RowLayout {
                        spacing: 6
                        Text {
                            Layout.alignment: Qt.AlignTop
                            text: modelData.status === "correct" ? "✓"
                                : modelData.status === "wrong" ? "✗" : "○"
                            color: modelData.status === "correct" ? Theme.running
                                 : modelData.status === "wrong" ? Theme.failed : Theme.faintInk
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                        }
                        Text {
                            Layout.fillWidth: true
                            text: modelData.question
                            textFormat: Text.MarkdownText
                            wrapMode: Text.WordWrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            color: Theme.quietInk
                            font.pixelSize: Theme.smallSize
                        }
                    }
                }
            }
        }
    }
}
