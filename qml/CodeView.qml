// The scenario's Python, with line numbers. (Editing, highlighting and per-task line markers
// come with the interpreter.)
import QtQuick
import QtQuick.Controls
import Loopscope

Rectangle {
    id: view

    property string source
    property string error
    // The script's line the error happened on (0: none): banded in red and scrolled to.
    property int errorLine: 0
    // The line shown at the top when a source is loaded (a lesson's code after its docstring).
    property int firstLine: 1
    // The stage's tasks: each unfinished task with a `line` gets a marker there, solid while it
    // runs, hollow while it is suspended.
    property var tasks
    property bool animated: true

    radius: Theme.radius
    color: Theme.code

    function scrollToLine(line) {
        const top = codeText.lineTop(line)
        flick.contentY = Math.max(0, Math.min(top, flick.contentHeight - flick.height))
    }
    function scrollToErrorLine() {
        const top = codeText.lineTop(view.errorLine)
        if (top < flick.contentY || top > flick.contentY + flick.height - 20)
            flick.contentY = Math.max(0, Math.min(top - flick.height / 3, flick.contentHeight - flick.height))
    }
    onSourceChanged: Qt.callLater(() => view.scrollToLine(view.firstLine))
    onFirstLineChanged: Qt.callLater(() => view.scrollToLine(view.firstLine))
    onErrorLineChanged: if (errorLine > 0) Qt.callLater(view.scrollToErrorLine)

    Text {
        id: heading
        anchors { left: parent.left; top: parent.top; margins: 10 }
        text: "CODE"
        color: Theme.faintInk
        font.pixelSize: Theme.tinySize
        font.bold: true
        font.letterSpacing: 1
    }

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: errorText.top; margins: 10 }
        contentWidth: codeRow.width
        contentHeight: codeRow.height
        clip: true
        ScrollBar.vertical: ScrollBar {}

        Row {
            id: codeRow
            spacing: 12
            Text {
                text: {
                    const lines = view.source.split("\n").length
                    let numbers = []
                    for (let i = 1; i <= lines; ++i) numbers.push(i)
                    return numbers.join("\n")
                }
                horizontalAlignment: Text.AlignRight
                color: Theme.faintInk
                font.family: Theme.monospace
                font.pixelSize: Theme.bodySize
            }
            TextEdit {
                id: codeText
                readOnly: true
                selectByMouse: true
                textFormat: TextEdit.PlainText
                text: view.source.length > 0 ? view.source : "# no source to show"
                color: Theme.codeInk
                font.family: Theme.monospace
                font.pixelSize: Theme.bodySize
                // Where each line starts in the text, for placing markers on lines.
                readonly property var lineStarts: {
                    let starts = [0]
                    for (let i = 0; i < text.length; ++i) {
                        if (text[i] === "\n") starts.push(i + 1)
                    }
                    return starts
                }
                function lineTop(line) {
                    contentHeight  // re-evaluate once the text is laid out
                    const at = lineStarts[Math.min(Math.max(line - 1, 0), lineStarts.length - 1)]
                    return at <= length ? positionToRectangle(at).y : 0
                }
                function lineHeight(line) {
                    contentHeight
                    const at = lineStarts[Math.max(line - 1, 0)] ?? 0
                    return at <= length ? positionToRectangle(at).height : 0
                }
            }
        }

        // The line the run failed on.
        Rectangle {
            visible: view.errorLine > 0 && view.error.length > 0
            y: codeText.lineTop(view.errorLine)
            width: flick.width
            height: codeText.lineHeight(view.errorLine)
            color: "#ff6b6b"
            opacity: 0.25
        }

        Repeater {
            model: view.tasks
            delegate: Item {
                id: marker
                required property int line
                required property int lineRank
                required property string status
                required property string name
                required property real hue
                readonly property bool current: status === "running"
                // At most three tags a line: a crowd on one await would hide the code.
                visible: line > 0 && lineRank < 3
                x: 0
                y: codeText.lineTop(line)
                width: flick.width
                height: codeText.lineHeight(line)
                Behavior on y { enabled: view.animated; NumberAnimation { duration: Theme.moveDuration } }

                // The line's band, in the task's colour; stronger for the running task.
                Rectangle {
                    anchors.fill: parent
                    color: Theme.taskColour(marker.hue)
                    opacity: marker.current ? 0.28 : 0.10
                    visible: marker.lineRank === 0
                }
                Rectangle {
                    x: parent.width - (marker.lineRank + 1) * (tag.implicitWidth + 12) - 4
                    anchors.verticalCenter: parent.verticalCenter
                    width: tag.implicitWidth + 8
                    height: parent.height - 2
                    radius: 3
                    color: marker.current ? Theme.taskColour(marker.hue) : Theme.code
                    border.color: Theme.taskColour(marker.hue)
                    border.width: 1.5
                    Text {
                        id: tag
                        anchors.centerIn: parent
                        text: (marker.current ? "● " : "○ ") + marker.name
                        color: marker.current ? "white" : Theme.taskColour(marker.hue)
                        font.pixelSize: Theme.tinySize
                        font.bold: true
                    }
                }
            }
        }
    }

    Text {
        id: errorText
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 10 }
        visible: view.error.length > 0
        height: visible ? implicitHeight : 0
        text: view.error
        wrapMode: Text.WordWrap
        color: "#ff9b9b"
        font.pixelSize: Theme.smallSize
    }
}
