// Two runs side by side ("Comparing two runs", docs/APP.md): a stage for each, and their
// timelines stacked on ONE loop-time axis, so the same second sits at the same x in both. One
// playhead in loop time moves both runs; the axis spans the longer run, and a shorter run's
// timeline ends where its run ended.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

ApplicationWindow {
    id: root

    required property RunComparison comparison
    property LessonLibrary lessons: null
    property bool animated: true

    width: 1440
    height: 900
    minimumWidth: 1000
    minimumHeight: 640
    title: "Loopscope — compare " + comparison.left.scenarioName.split("/").pop() + " | " +
           comparison.right.scenarioName.split("/").pop()
    color: Theme.page
    // the controls (buttons, boxes, sliders) follow the palette and the scale too.
    palette.window: Theme.panel
    palette.windowText: Theme.ink
    palette.base: Theme.panel
    palette.alternateBase: Theme.subtle
    palette.text: Theme.ink
    palette.button: Theme.darkGround ? Theme.subtle : "#f0f0f0"
    palette.buttonText: Theme.ink
    palette.brightText: Theme.ink
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.darkGround ? "#000000" : "#ffffff"
    palette.mid: Theme.panelEdge
    palette.dark: Theme.faintInk
    palette.light: Theme.subtleAlt
    palette.midlight: Theme.subtle
    font.pixelSize: Theme.smallSize + 1

    // What the pickers offer: the lessons, then the built-in scenarios ("demo:<id>").
    readonly property var choices: {
        const list = []
        if (root.lessons) {
            for (const lesson of root.lessons.lessons)
                list.push({ key: lesson.path, title: (lesson.number < 10 ? "0" : "") + lesson.number + "  " + lesson.title })
        }
        for (const scenario of root.comparison.left.scenarios)
            list.push({ key: "demo:" + scenario.id, title: "Demo: " + scenario.title })
        return list
    }
    function keyOf(engine) { return (engine.isScript ? "" : "demo:") + engine.scenarioName }
    // --theme NAME (main.cpp): "light", "dark" or "contrast".
    function setTheme(name) { if (Theme.names.indexOf(name) >= 0) Theme.name = name }
    function secondsText(s) { return s.toFixed(s < 10 ? 3 : 2) + " s" }

    Shortcut { sequence: "Space"; onActivated: root.comparison.togglePlaying() }
    Shortcut { sequence: "Home"; onActivated: root.comparison.time = 0 }
    Shortcut { sequence: "End"; onActivated: root.comparison.time = root.comparison.endTime }
    Shortcut { sequence: "Right"; onActivated: root.comparison.time = root.comparison.time + Math.max(0.01, root.comparison.endTime / 100) }
    Shortcut { sequence: "Left"; onActivated: root.comparison.time = root.comparison.time - Math.max(0.01, root.comparison.endTime / 100) }
    Shortcut { sequence: "Escape"; onActivated: root.close() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10 * Theme.scale
        spacing: 8

        // The two pickers, the shared transport and the shared playhead.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: bar.implicitHeight + 16
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.panelEdge
            border.width: Theme.stroke
            RowLayout {
                id: bar
                anchors.fill: parent
                anchors.margins: 8
                spacing: 8
                Repeater {
                    model: [root.comparison.left, root.comparison.right]
                    ComboBox {
                        id: picker
                        required property var modelData
                        required property int index
                        Layout.preferredWidth: 280 * Theme.scale
                        font.pixelSize: Theme.smallSize
                        model: root.choices
                        textRole: "title"
                        valueRole: "key"
                        currentIndex: indexOfValue(root.keyOf(modelData))
                        displayText: currentIndex < 0 ? modelData.scenarioName.split("/").pop() : currentText
                        Connections {
                            target: picker.modelData
                            function onRunStarted() { picker.currentIndex = picker.indexOfValue(root.keyOf(picker.modelData)) }
                        }
                        onActivated: (i) => {
                            const other = picker.index === 0 ? root.comparison.right : root.comparison.left
                            const key = root.choices[i].key
                            if (picker.index === 0) root.comparison.open(key, root.keyOf(other))
                            else root.comparison.open(root.keyOf(other), key)
                        }
                    }
                }
                Button {
                    text: root.comparison.playing ? "‖ pause" : "▶ play"
                    highlighted: true
                    font.pixelSize: Theme.smallSize
                    onClicked: root.comparison.togglePlaying()
                }
                Slider {
                    id: shared
                    Layout.fillWidth: true
                    from: 0
                    to: Math.max(0.001, root.comparison.endTime)
                    value: root.comparison.time
                    onMoved: root.comparison.time = value
                }
                Text {
                    text: "t = " + root.secondsText(root.comparison.time) + " of " + root.secondsText(root.comparison.endTime)
                    color: Theme.ink
                    font.pixelSize: Theme.smallSize
                    font.family: Theme.monospace
                }
            }
        }

        // The two stages, each as of the shared instant.
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8
            Repeater {
                model: [[root.comparison.left, root.comparison.leftStage], [root.comparison.right, root.comparison.rightStage]]
                ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    spacing: 4
                    Text {
                        text: parent.modelData[0].lessonTitle.length > 0 ? parent.modelData[0].lessonTitle
                                                                         : parent.modelData[0].scenarioName.split("/").pop()
                        color: Theme.ink
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    StageView {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        stage: parent.modelData[1]
                        animated: root.animated
                    }
                }
            }
        }

        // Both timelines on one loop-time axis: each is as wide as its run is long.
        Rectangle {
            id: timelines
            Layout.fillWidth: true
            Layout.preferredHeight: 300 * Theme.scale
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.panelEdge
            border.width: Theme.stroke

            readonly property real nameWidth: 160 * Theme.scale
            readonly property real axisX: nameWidth + 16
            readonly property real axisWidth: width - axisX - 16
            readonly property real end: Math.max(0.001, root.comparison.endTime)

            // Axis labels: loop time, shared.
            Item {
                id: axis
                x: timelines.axisX
                y: 8
                width: timelines.axisWidth
                height: Theme.tinySize + 6
                Repeater {
                    model: 6
                    Text {
                        required property int index
                        x: axis.width * index / 5 - (index === 5 ? width : index === 0 ? 0 : width / 2)
                        text: root.secondsText(timelines.end * index / 5)
                        color: Theme.faintInk
                        font.pixelSize: Theme.tinySize
                        font.family: Theme.monospace
                    }
                }
            }
            Column {
                anchors { left: parent.left; right: parent.right; top: axis.bottom; bottom: parent.bottom; margins: 8 }
                spacing: 6
                Repeater {
                    model: [[root.comparison.left, root.comparison.leftPlayer], [root.comparison.right, root.comparison.rightPlayer]]
                    Item {
                        id: row
                        required property var modelData
                        readonly property var engine: modelData[0]
                        width: parent.width
                        height: (parent.height - 6) / 2
                        Text {
                            width: timelines.nameWidth
                            text: row.engine.scenarioName.split("/").pop() + "\n" +
                                  root.secondsText(lane.endSeconds) + " · " + row.engine.status
                            color: Theme.ink
                            font.pixelSize: Theme.smallSize
                            elide: Text.ElideRight
                        }
                        Rectangle {
                            x: timelines.axisX - 8
                            width: timelines.axisWidth
                            height: row.height
                            color: Theme.subtle
                        }
                        TimelineItem {
                            id: lane
                            readonly property real endSeconds: row.modelData[1].endTimeSeconds
                            x: timelines.axisX - 8
                            width: Math.max(2, timelines.axisWidth * Math.min(1, endSeconds / timelines.end))
                            height: row.height
                            clip: true
                            engine: row.engine
                            player: row.modelData[1]
                            timeAxis: true
                            laneHeight: Theme.laneHeight
                            onWidthChanged: fitAll()
                            Connections {
                                target: row.engine
                                function onTraceGrew() { lane.fitAll() }
                            }
                        }
                    }
                }
            }
            // The shared playhead, across both runs.
            Rectangle {
                x: timelines.axisX - 8 + timelines.axisWidth * Math.min(1, root.comparison.time / timelines.end) - width / 2
                y: axis.y
                width: Math.max(2, Theme.stroke * 2)
                height: timelines.height - y - 8
                color: Theme.accent
            }
            MouseArea {
                x: timelines.axisX - 8
                y: axis.y
                width: timelines.axisWidth
                height: axis.height
                onClicked: (mouse) => root.comparison.time = mouse.x / width * timelines.end
            }
        }
    }
}
