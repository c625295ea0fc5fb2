// A lesson checkpoint's card (lessons/README.md, "Checkpoints"): playback stopped at its pause;
// the question, its choices as buttons (Alt+1..Alt+9) or a free answer, "Show answer" and
// "Skip"; then the verdict the trace decided, the lesson's explanation and Continue (Enter).
// The CheckpointController asks, checks and remembers; this only shows it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

Rectangle {
    id: card

    property Checkpoints controller: null
    readonly property bool asking: controller !== null && controller.open
                                   && controller.verdict === "question"
    readonly property bool answered: controller !== null && controller.open
                                     && controller.verdict !== "question"
    // For an output-order check: the choices picked so far, in the predicted order.
    property var picked: []

    visible: controller !== null && controller.open
    width: Math.round(440 * Theme.scale)
    height: column.implicitHeight + 28
    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.accent
    border.width: 2

    function pick(index) {
        if (!asking || index >= controller.choices.length) return
        if (!controller.ordersChoices) {
            controller.pickChoice(index)
            return
        }
        const choice = controller.choices[index]
        if (picked.indexOf(choice) >= 0) return
        picked = picked.concat([choice])
        if (picked.length === controller.choices.length) controller.answer(picked.join(" | "))
    }

    Connections {
        target: card.controller
        function onCardChanged() {
            if (card.controller.verdict === "question") card.picked = []
        }
    }

    // Alt+digit picks a choice (plain digits switch view focus, UI.md); Enter continues.
    Shortcut { sequence: "Alt+1"; enabled: card.asking; onActivated: card.pick(0) }
    Shortcut { sequence: "Alt+2"; enabled: card.asking; onActivated: card.pick(1) }
    Shortcut { sequence: "Alt+3"; enabled: card.asking; onActivated: card.pick(2) }
    Shortcut { sequence: "Alt+4"; enabled: card.asking; onActivated: card.pick(3) }
    Shortcut { sequence: "Alt+5"; enabled: card.asking; onActivated: card.pick(4) }
    Shortcut { sequence: "Alt+6"; enabled: card.asking; onActivated: card.pick(5) }
    Shortcut { sequence: "Alt+7"; enabled: card.asking; onActivated: card.pick(6) }
    Shortcut { sequence: "Alt+8"; enabled: card.asking; onActivated: card.pick(7) }
    Shortcut { sequence: "Alt+9"; enabled: card.asking; onActivated: card.pick(8) }
    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: card.answered
        onActivated: card.controller.continuePlaying()
    }

    // Clicks on the card stay on the card (not on the stage below it).
    MouseArea { anchors.fill: parent }

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 14 }
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            Text {
                text: "PREDICT"
                color: Theme.accent
                font.pixelSize: Theme.tinySize
                font.bold: true
                font.letterSpacing: 1
            }
            Item { Layout.fillWidth: true }
            Text {
                text: card.controller ? card.controller.checkpointId : ""
                color: Theme.faintInk
                font.pixelSize: Theme.tinySize
            }
        }

        Text {
            objectName: "checkpointQuestion"
            Layout.fillWidth: true
            text: card.controller ? card.controller.question : ""
            textFormat: Text.MarkdownText
            wrapMode: Text.WordWrap
            color: Theme.ink
            font.pixelSize: Theme.bodySize + 1
        }

        Text {
            Layout.fillWidth: true
            visible: card.asking && card.controller.ordersChoices
            text: card.picked.length === 0 ? "Click the lines in the order they will be printed."
                                           : "Your order: " + card.picked.join("  →  ")
            wrapMode: Text.WordWrap
            color: Theme.quietInk
            font.pixelSize: Theme.smallSize
        }

        // The choices, one button each.
        Repeater {
            model: card.asking ? card.controller.choices : []
            delegate: Button {
                required property string modelData
                required property int index
                objectName: "checkpointChoice" + index
                Layout.fillWidth: true
                enabled: card.picked.indexOf(modelData) < 0
                text: (index < 9 ? "Alt+" + (index + 1) + "   " : "") + modelData
                font.family: Theme.monospace
                font.pixelSize: Theme.smallSize
                onClicked: card.pick(index)
            }
        }

        // A free answer when the checkpoint offers no choices.
        RowLayout {
            Layout.fillWidth: true
            visible: card.asking && card.controller.choices.length === 0
            TextField {
                id: freeAnswer
                objectName: "checkpointFreeAnswer"
                Layout.fillWidth: true
                placeholderText: "Your answer"
                font.pixelSize: Theme.smallSize
                onAccepted: if (text.length > 0) card.controller.answer(text)
            }
            Button {
                text: "Answer"
                enabled: freeAnswer.text.length > 0
                onClicked: card.controller.answer(freeAnswer.text)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: card.asking
            Item { Layout.fillWidth: true }
            Button {
                objectName: "checkpointShowAnswer"
                text: "Show answer"
                flat: true
                onClicked: card.controller.showAnswer()
            }
            Button {
                objectName: "checkpointSkip"
                text: "Skip"
                flat: true
                onClicked: card.controller.skip()
            }
        }

        // The verdict: what the trace of this run decided.
        Text {
            objectName: "checkpointVerdict"
            Layout.fillWidth: true
            visible: card.answered
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: !card.controller ? Theme.ink
                 : card.controller.verdict === "correct" ? Theme.running
                 : card.controller.verdict === "wrong" ? Theme.failed : Theme.ink
            text: {
                if (!card.controller) return ""
                switch (card.controller.verdict) {
                case "correct": return "✓ Right: " + card.controller.decided
                case "wrong": return "✗ Not this time. You said “" + card.controller.given
                                     + "”; the run says: " + card.controller.decided
                case "shown": return "The run says: " + card.controller.decided
                case "undecided": return "This run cannot decide it: " + card.controller.reason
                }
                return ""
            }
        }
        Text {
            Layout.fillWidth: true
            visible: card.answered && card.controller.explanation.length > 0
                     && card.controller.verdict !== "undecided"
            text: card.controller ? card.controller.explanation : ""
            textFormat: Text.MarkdownText
            wrapMode: Text.WordWrap
            color: Theme.quietInk
            font.pixelSize: Theme.smallSize + 1
        }
        RowLayout {
            Layout.fillWidth: true
            visible: card.answered
            Item { Layout.fillWidth: true }
            Button {
                objectName: "checkpointContinue"
                text: "Continue  ⏎"
                highlighted: true
                onClicked: card.controller.continuePlaying()
            }
        }
    }
}
