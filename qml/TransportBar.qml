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
            Layout.preferredWidth: 270
            readonly property var choices: {
                const list = []
                if (bar.lessons) {
                    for (const lesson of bar.lessons.lessons) {
                        list.push({ key: "script:" + lesson.path, path: lesson.path, scenario: "",
                                    title: (lesson.number < 10 ? "0" : "") + lesson.number + "  " + lesson.title })
                    }
                }
                for (const scenario of bar.engine.scenarios) {
                    list.push({ key: "demo:" + scenario.id, path: "", scenario: scenario.id,
                                title: "Demo: " + scenario.title })
                }
                return list
            }
            function currentKey() {
                return (bar.engine.isScript ? "script:" : "demo:") + bar.engine.scenarioName
            }
            function pickCurrent() { currentIndex = indexOfValue(currentKey()) }
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
        Button {
            text: "↻ Run"
            Layout.preferredWidth: 64
            onClicked: bar.engine.rerun()
            ToolTip.visible: hovered
            ToolTip.text: "Run again (Ctrl+R)"
        }
        Button {
            text: "■"
            Layout.preferredWidth: 40
            enabled: bar.engine.running
            onClicked: bar.engine.stop()
            ToolTip.visible: hovered
            ToolTip.text: "Stop the run"
        }

        ToolSeparator {}

        Button {
            text: "|◀"
            Layout.preferredWidth: 40
            onClicked: bar.player.jumpToStart()
            ToolTip.visible: hovered
            ToolTip.text: "Jump to start (Home)"
        }
        Button {
            text: "◀ step"
            Layout.preferredWidth: 64
            onClicked: bar.stepBackClicked()
            ToolTip.visible: hovered
            ToolTip.text: "Step back (←)"
        }
        Button {
            text: bar.player.playing ? "‖ pause" : "▶ play"
            highlighted: true
            Layout.preferredWidth: 84
            onClicked: bar.player.togglePlaying()
            ToolTip.visible: hovered
            ToolTip.text: "Play / pause (Space)"
        }
        Button {
            text: "step ▶"
            Layout.preferredWidth: 64
            onClicked: bar.stepForwardClicked()
            ToolTip.visible: hovered
            ToolTip.text: "Step forward (→)"
        }
        Button {
            text: "▶|"
            Layout.preferredWidth: 40
            onClicked: bar.player.jumpToEnd()
            ToolTip.visible: hovered
            ToolTip.text: "Jump to end (End)"
        }
        ComboBox {
            Layout.preferredWidth: 110
            model: ["event", "task step", "iteration"]
            currentIndex: model.indexOf(bar.granularity)
            onActivated: bar.granularityPicked(currentText)
            ToolTip.visible: hovered
            ToolTip.text: "What one step moves by"
        }

        ToolSeparator {}

        Slider {
            id: speedSlider
            Layout.preferredWidth: 90
            from: 0
            to: 1
            value: bar.sliderFromSpeed(bar.player.speed)
            onMoved: bar.player.speed = bar.speedFromSlider(value)
        }
        Text {
            text: bar.player.speed.toFixed(bar.player.speed < 1 ? 2 : 1) + "×"
            color: Theme.ink
            font.pixelSize: Theme.smallSize
            Layout.preferredWidth: 40
        }
        CheckBox {
            text: "live"
            checked: bar.player.following
            onToggled: bar.player.following = checked
            ToolTip.visible: hovered
            ToolTip.text: "Follow the live edge of the trace"
        }

        Item { Layout.fillWidth: true }

        ColumnLayout {
            spacing: 0
            Text {
                Layout.alignment: Qt.AlignRight
                text: "event " + bar.player.position + " / " + bar.player.count +
                      " (limit " + bar.engine.eventLimit.toLocaleString(Qt.locale("en_US"), "f", 0) + ")"
                color: Theme.ink
                font.pixelSize: Theme.smallSize
                font.family: Theme.monospace
            }
            Text {
                Layout.alignment: Qt.AlignRight
                text: "t = " + bar.player.timeSeconds.toFixed(3) + " s of " +
                      bar.player.endTimeSeconds.toFixed(3) + " s · " + bar.engine.status
                color: bar.engine.status === "failed" ? Theme.failed : Theme.quietInk
                font.pixelSize: Theme.tinySize + 1
                font.family: Theme.monospace
            }
        }
        Button {
            text: "▣"
            Layout.preferredWidth: 36
            onClicked: bar.presentClicked()
            ToolTip.visible: hovered
            ToolTip.text: "Presentation mode (F11)"
        }
        Button {
            text: "?"
            Layout.preferredWidth: 36
            onClicked: bar.helpClicked()
            ToolTip.visible: hovered
            ToolTip.text: "Keyboard map (?)"
        }
    }
}
