// One loop iteration: when it ran, how it came to have work, and the callbacks it ran in order.
import QtQuick
import QtQuick.Layouts
import "Phrases.js" as Phrases

Rectangle {
    id: card

    required property int iteration
    required property double timeSeconds
    required property double clockJumpSeconds
    required property int readyAtStart
    required property int timersDue
    required property var callbacks  // [{ order, label, fromTimer }]

    implicitHeight: content.implicitHeight + 24
    radius: Theme.radius
    color: Theme.card
    border.color: Theme.cardEdge

    RowLayout {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        spacing: 16

        ColumnLayout {
            spacing: 2
            Layout.preferredWidth: 120
            Layout.alignment: Qt.AlignTop

            Text {
                text: "Iteration " + card.iteration
                color: Theme.ink
                font.pixelSize: Theme.bodySize + 1
                font.bold: true
            }
            Text {
                text: "t = " + Phrases.seconds(card.timeSeconds)
                color: Theme.quietInk
                font.family: Theme.monospace
                font.pixelSize: Theme.smallSize
            }
        }

        ColumnLayout {
            spacing: 8
            Layout.fillWidth: true

            Text {
                text: Phrases.iterationWork(card.readyAtStart, card.clockJumpSeconds, card.timersDue)
                color: Theme.quietInk
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Flow {
                spacing: 6
                Layout.fillWidth: true

                Repeater {
                    model: card.callbacks
                    delegate: CallbackChip {
                        required property var modelData
                        order: modelData.order
                        label: modelData.label
                        fromTimer: modelData.fromTimer
                    }
                }
            }
        }
    }
}
