// One callback that ran: its place in the whole run's order, its label, and where it came from
// (a timer that fell due says so in words, not only in colour).
import QtQuick

Rectangle {
    id: chip

    required property int order
    required property string label
    required property bool fromTimer

    implicitWidth: content.implicitWidth + 16
    implicitHeight: content.implicitHeight + 10
    radius: 5
    color: fromTimer ? Theme.timerFill : Theme.readyFill
    border.color: fromTimer ? Theme.timerEdge : Theme.readyEdge

    Row {
        id: content
        anchors.centerIn: parent
        spacing: 6

        Text {
            text: chip.order
            color: Theme.quietInk
            font.pixelSize: Theme.tinySize
            anchors.baseline: callbackLabel.baseline
        }
        Text {
            id: callbackLabel
            text: chip.label
            color: Theme.ink
            font.family: Theme.monospace
            font.pixelSize: Theme.smallSize
        }
        Text {
            visible: chip.fromTimer
            text: "timer"
            color: Theme.timerEdge
            font.pixelSize: Theme.tinySize
            anchors.baseline: callbackLabel.baseline
        }
    }
}
