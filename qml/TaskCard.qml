// One task on the stage: its name and coroutine in its own colour, its state as an icon and a
// word, and what it waits on. The stage moves it from place to place; x/y animate.
import QtQuick
import Loopscope

Rectangle {
    id: card

    required property string name
    required property string coroutine
    required property string status
    required property string awaitText
    required property string outcome
    required property real hue
    required property int cancelRequests
    property bool compact: false
    // A compact card's width: a tray narrower than a card narrows its cards.
    property real compactWidth: Theme.smallCardWidth
    property bool current: false
    property bool selected: false
    signal clicked()

    width: compact ? compactWidth : Theme.cardWidth
    height: compact ? Theme.smallCardHeight : Theme.cardHeight
    radius: Theme.radius
    color: Theme.taskTint(hue)
    border.color: selected ? Theme.ink : current ? Theme.running : Theme.taskColour(hue)
    border.width: current || selected ? 3 : 1.5
    opacity: status === "done" || status === "cancelled" || status === "failed" ? 0.85 : 1

    // The state's colour as a stripe on the left, with its icon: colour is never the only cue.
    Rectangle {
        id: stripe
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 2 }
        width: card.compact ? 16 : 20
        radius: Theme.radius - 2
        color: Theme.stateColour(card.status)
        Text {
            anchors.centerIn: parent
            text: Theme.stateIcon(card.status)
            color: "white"
            font.pixelSize: card.compact ? Theme.tinySize : Theme.smallSize
            font.bold: true
        }
    }

    Column {
        anchors { left: stripe.right; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: 6; rightMargin: 4 }
        spacing: 0
        Text {
            width: parent.width
            elide: Text.ElideRight
            text: card.name
            color: Theme.taskColour(card.hue)
            font.pixelSize: card.compact ? Theme.tinySize : Theme.smallSize
            font.bold: true
        }
        Text {
            visible: !card.compact
            width: parent.width
            elide: Text.ElideRight
            text: card.status === "waiting" && card.awaitText.length > 0 ? "⟶ " + card.awaitText
                  : card.outcome.length > 0 ? card.outcome : card.coroutine
            color: Theme.quietInk
            font.pixelSize: Theme.tinySize
        }
    }

    // A cancel request not yet seen through: the task will get CancelledError at its next step.
    Rectangle {
        visible: card.cancelRequests > 0 && !card.compact
        anchors { right: parent.right; top: parent.top; margins: -6 }
        width: cancelBadge.implicitWidth + 10
        height: 16
        radius: 8
        color: Theme.cancelled
        Text {
            id: cancelBadge
            anchors.centerIn: parent
            text: "⊘ cancel"
            color: "white"
            font.pixelSize: Theme.tinySize
            font.bold: true
        }
    }

    MouseArea {
        anchors.fill: parent
        cursorShape: Qt.PointingHandCursor
        onClicked: card.clicked()
    }
}
