// The lesson's text (its module docstring, in Markdown) beside the code: what to watch, the
// takeaway, what to try.
import QtQuick
import QtQuick.Controls
import Loopscope

Rectangle {
    id: pane

    property string title
    property string text

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
        }
    }
}
