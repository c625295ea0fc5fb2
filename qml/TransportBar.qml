// The transport: scenario, run, the step buttons, play/pause, granularity, speed, live follow,
// and where the playhead stands.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

Rectangle {
    id: bar

    required property Engine engine
    required property Player player
    required property string granularity
    // The bundled lessons for the picker (null: only the built-in scenarios).
    property LessonLibrary lessons: null
    signal granularityPicked(string unit)
    signal stepForwardClicked()
    signal stepBackClicked()
    signal helpClicked()
    signal presentClicked()
    // opens the comparison window.
    signal compareClicked()
    // the Share menu's button; where to open the menu, in window coordinates
    signal shareClicked(real x, real y)
    // ↻ runs the edited text (Main.qml's runEdited), not only the last run again.
    signal runClicked()

    implicitHeight: row.implicitHeight + 16
    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.panelEdge

    // Speed on a log scale: the slider's 0..1 maps to 0.1x..10x.
    function speedFromSlider(v) { return Math.pow(10, v * 2 - 1) }
    function sliderFromSpeed(s) { return (Math.log(s) / Math.LN10 + 1) / 2 }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        // The lessons by number and title, then the built-in C++ scenarios.
        ComboBox {
            id: scenarioBox
            Layout.fillWidth: true
            Layout.minimumWidth: 170
            Layout.preferredWidth: 230
            Layout.maximumWidth: 300
            readonly property var choices: {
                const list = []
                if (bar.lessons) {
                    for (const lesson of bar.lessons.lessons) {
                        list.push({ key: "script:" + lesson.path, path: lesson.path, scenario: "",
                                    title: (lesson.number < 10 ? "0" : "") + lesson.number + "  " + lesson.title
                                           // ✎ changed by the user, "2/3 ✓" answered
                                           + (lesson.marks ? "   " + lesson.marks : "") })
                    }
                }
                for (const scenario of bar.engine.scenarios) {
                    list.push({ key: "demo:" + scenario.id, path: "", scenario: scenario.id,
                                title: "Demo: " + scenario.title })
                }
                return list
            }
            function currentKey() {
                // the user's copy of a lesson is that lesson
                const number = bar.engine.isScript && bar.lessons ? bar.lessons.numberOf(bar.engine.scenarioName) : 0
                if (number > 0) return "script:" + bar.lessons.pathOf(number)
                return (bar.engine.isScript ? "script:" : "demo:") + bar.engine.scenarioName
            }
            function pickCurrent() { currentIndex = indexOfValue(currentKey()) }
            onChoicesChanged: Qt.callLater(pickCurrent)  // the marks change the list
            model: choices
            textRole: "title"
            valueRole: "key"
            displayText: currentIndex < 0 ? bar.engine.scenarioName.split("/").pop() : currentText
            Component.onCompleted: pickCurrent()
            Connections {
                target: bar.engine
                function onRunStarted() { scenarioBox.pickCurrent() }
            }
            onActivated: (index) => {
                const choice = choices[index]
                if (choice.scenario.length > 0) bar.engine.runScenario(choice.scenario)
                else bar.engine.runScript(choice.path)
            }
            ToolTip.visible: hovered
            ToolTip.text: "Lesson or built-in scenario"
        }
        ToolSeparator {}
        ToolbarButton {
            text: "↻"
            tip: "Run again (Ctrl+R)"
            onClicked: bar.runClicked()
        }
        ToolbarButton {
            text: "■"
            tip: "Stop the run"
            enabled: bar.engine.running
            onClicked: bar.engine.stop()
        }

        ToolSeparator {}

        ToolbarButton {
            text: "|◀"
            tip: "Jump to start (Home)"
            onClicked: bar.player.jumpToStart()
        }
        ToolbarButton {
            text: "◀"
            tip: "Step back (←)"
            onClicked: bar.stepBackClicked()
        }
        ToolbarButton {
            text: bar.player.playing ? "‖" : "▶"
            tip: bar.player.playing ? "Pause (Space)" : "Play (Space)"
            highlighted: true
            Layout.preferredWidth: 48
            onClicked: bar.player.togglePlaying()
        }
        ToolbarButton {
            text: "▶"
            tip: "Step forward (→)"
            onClicked: bar.stepForwardClicked()
        }
        ToolbarButton {
            text: "▶|"
            tip: "Jump to end (End)"
            onClicked: bar.player.jumpToEnd()
        }
        ComboBox {
            Layout.preferredWidth: 100
            model: ["event", "task step", "iteration", "line"]
            currentIndex: model.indexOf(bar.granularity)
            onActivated: bar.granularityPicked(currentText)
            ToolTip.visible: hovered
            ToolTip.text: "What one step moves by"
        }

        ToolSeparator {}

        Slider {
            id: speedSlider
            Layout.preferredWidth: 76
            from: 0
            to: 1
            value: bar.sliderFromSpeed(bar.player.speed)
            onMoved: bar.player.speed = bar.speedFromSlider(value)
            ToolTip.visible: hovered
            ToolTip.text: "Speed, 0.1× to 10× of loop time (+ / −)"
        }
        Text {
            text: bar.player.speed.toFixed(bar.player.speed < 1 ? 2 : 1) + "×"
            color: Theme.ink
            font.pixelSize: Theme.smallSize
            Layout.preferredWidth: 36
        }
        // live mode runs the scenario again on the real clock at this speed; ⇥ goes back
        // to the live edge after dragging the playhead back (F / End).
        CheckBox {
            objectName: "liveBox"
            text: "live"
            checked: bar.engine.live
            onToggled: bar.engine.live = checked
            ToolTip.visible: hovered
            ToolTip.text: "Live mode: run again on the real clock at this speed (Ctrl+L)"
        }
        ToolbarButton {
            text: "⇥"
            enabled: bar.engine.running && !bar.player.following
            tip: "Follow the live edge again (F)"
            onClicked: bar.player.following = true
        }

        // Where the playhead stands. It gives way first when the bar is short of room: the
        // picker and the buttons keep their size, these lines elide.
        ColumnLayout {
            id: where
            spacing: 0
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideLeft
                // The event limit shows once a run comes near it (and always in the tooltip).
                text: "event " + bar.player.position + " / " + bar.player.count +
                      (bar.engine.status === "limit" || bar.player.count > bar.engine.eventLimit * 0.5
                       ? " · limit " + bar.engine.eventLimit.toLocaleString(Qt.locale("en_US"), "f", 0) : "")
                color: Theme.ink
                font.pixelSize: Theme.smallSize
                font.family: Theme.monospace
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideRight  // short of room, the status goes before the times
                text: bar.player.clockSeconds.toFixed(3) + " / " +
                      bar.player.endTimeSeconds.toFixed(3) + " s · " + bar.engine.status
                color: bar.engine.status === "failed" ? Theme.failed : Theme.quietInk
                font.pixelSize: Theme.tinySize + 1
                font.family: Theme.monospace
            }
            HoverHandler { id: whereHover }
            ToolTip.visible: whereHover.hovered
            ToolTip.text: "Events applied / recorded (a run stops at " +
                          bar.engine.eventLimit.toLocaleString(Qt.locale("en_US"), "f", 0) +
                          " events); loop time now / at the end; the run's status"
        }

        ToolSeparator {}

        // ---- More buttons (file, export, ...) go here: ToolbarButton { text: "…"; tip: "…" }
        // (34 px each; at 1280 px wide the bar has room for about five more).
        // the Share menu (pictures, trace, recording, video), under the button
        ToolbarButton {
            id: shareButton
            objectName: "shareButton"
            text: "⇪"
            tip: "Share: PNG, trace, recording, GIF (Ctrl+E)"
            onClicked: {
                const below = shareButton.mapToItem(null, 0, shareButton.height)
                bar.shareClicked(below.x, below.y)
            }
        }
        ToolbarButton {
            text: "⇄"
            tip: "Compare two runs on one time axis (C)"
            onClicked: bar.compareClicked()
        }
        // ---- end of more buttons

        ToolbarButton {
            text: "▣"
            tip: "Presentation mode (F11)"
            onClicked: bar.presentClicked()
        }
        ToolbarButton {
            text: "?"
            tip: "Keyboard map (?)"
            onClicked: bar.helpClicked()
        }
    }
}
