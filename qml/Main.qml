// The main window (docs UI.md): the transport bar on top; the code and the console on the
// left; the loop stage and the timeline on the right. Presentation only: the Engine runs the
// scenario, the Player owns the playhead, the LoopStage turns the State into models.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

ApplicationWindow {
    id: root

    required property Engine engine
    required property Player player
    required property LoopStage stage
    // The bundled lessons, for the picker (null when the app was started without them).
    property LessonLibrary lessons: null
    // The lesson pane beside the code (shown when the script has lesson text).
    property bool lessonPaneOpen: true
    // Off for still pictures (--screenshot): cards sit at their places at once.
    property bool animated: true
    property bool presenting: false
    // The task the inspector shows (0: none): picked on the stage or on the timeline.
    property int selectedTask: 0

    width: 1440
    height: 900
    minimumWidth: 1280
    minimumHeight: 760
    visible: true
    title: "Loopscope — " + engine.scenarioName
    color: Theme.page

    // The step buttons and the arrow keys move by this unit.
    property string granularity: "event"
    function stepForward() {
        if (granularity === "task step") player.stepTaskForward()
        else if (granularity === "iteration") player.stepIterationForward()
        else player.stepForward()
    }
    function stepBack() {
        if (granularity === "task step") player.stepTaskBack()
        else if (granularity === "iteration") player.stepIterationBack()
        else player.stepBack()
    }

    Shortcut { sequence: "Space"; onActivated: root.player.togglePlaying() }
    Shortcut { sequence: "Right"; onActivated: root.stepForward() }
    Shortcut { sequence: "Left"; onActivated: root.stepBack() }
    Shortcut { sequence: "Shift+Right"; onActivated: root.player.stepIterationForward() }
    Shortcut { sequence: "Shift+Left"; onActivated: root.player.stepIterationBack() }
    Shortcut { sequence: "Ctrl+Right"; onActivated: root.player.stepTaskForward() }
    Shortcut { sequence: "Ctrl+Left"; onActivated: root.player.stepTaskBack() }
    Shortcut { sequence: "Home"; onActivated: root.player.jumpToStart() }
    Shortcut { sequence: "End"; onActivated: root.player.jumpToEnd() }
    Shortcut { sequences: ["+", "="]; onActivated: root.player.faster() }
    Shortcut { sequences: ["-", "_"]; onActivated: root.player.slower() }
    Shortcut { sequence: "Ctrl+R"; onActivated: root.engine.rerun() }
    Shortcut { sequence: "F11"; onActivated: root.togglePresentation() }
    Shortcut { sequence: "?"; onActivated: help.visible = !help.visible }
    Shortcut { sequence: "L"; onActivated: root.lessonPaneOpen = !root.lessonPaneOpen }
    Shortcut { sequence: "Escape"; onActivated: help.visible = false }
    // Perfetto's timeline keys.
    Shortcut { sequence: "W"; onActivated: timeline.zoomIn() }
    Shortcut { sequence: "S"; onActivated: timeline.zoomOut() }
    Shortcut { sequence: "A"; onActivated: timeline.panBy(-0.2) }
    Shortcut { sequence: "D"; onActivated: timeline.panBy(0.2) }
    Shortcut { sequence: "."; onActivated: root.player.stepForward() }
    Shortcut { sequence: ","; onActivated: root.player.stepBack() }

    function togglePresentation() {
        presenting = !presenting
        Theme.scale = presenting ? 1.35 : 1.0
        if (presenting) root.showFullScreen()
        else root.showNormal()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8

        TransportBar {
            Layout.fillWidth: true
            engine: root.engine
            player: root.player
            lessons: root.lessons
            granularity: root.granularity
            onGranularityPicked: (unit) => root.granularity = unit
            onStepForwardClicked: root.stepForward()
            onStepBackClicked: root.stepBack()
            onHelpClicked: help.visible = !help.visible
            onPresentClicked: root.togglePresentation()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            LessonPane {
                visible: !root.presenting && root.lessonPaneOpen && root.engine.lessonText.length > 0
                Layout.preferredWidth: Math.min(300, root.width * 0.2)
                Layout.fillHeight: true
                title: root.engine.lessonTitle
                text: root.engine.lessonText
            }

            ColumnLayout {
                visible: !root.presenting
                Layout.preferredWidth: Math.min(380, root.width * 0.27)
                Layout.maximumWidth: 380
                Layout.fillHeight: true
                spacing: 8

                CodeView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    source: root.engine.source
                    error: root.engine.error
                    errorLine: root.engine.errorLine
                    firstLine: root.engine.codeFirstLine
                    tasks: root.stage.tasks
                    animated: root.animated
                }
                ConsoleView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 230
                    model: root.stage.console
                    player: root.player
                    failure: root.engine.status === "failed" || root.engine.status === "limit"
                             ? root.engine.error : ""
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 8

                StageView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    stage: root.stage
                    animated: root.animated
                    selectedTask: root.selectedTask
                    onTaskPicked: (taskId) => root.selectedTask = taskId
                }
                TimelineView {
                    id: timeline
                    Layout.fillWidth: true
                    Layout.preferredHeight: 230
                    engine: root.engine
                    player: root.player
                    selectedTask: root.selectedTask
                    onTaskPicked: (taskId) => root.selectedTask = taskId
                }
            }
        }
    }

    // Drop a .py file on the window to run it.
    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            if (drop.hasUrls && drop.urls.length > 0) {
                const url = drop.urls[0].toString()
                root.engine.runScript(decodeURIComponent(url.replace(/^file:\/\//, "")))
                drop.accept()
            }
        }
    }

    // The keyboard map, on `?`.
    Rectangle {
        id: help
        visible: false
        anchors.centerIn: parent
        width: 460
        height: helpText.implicitHeight + 40
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.panelEdge
        z: 10

        Text {
            id: helpText
            anchors.fill: parent
            anchors.margins: 20
            textFormat: Text.MarkdownText
            color: Theme.ink
            font.pixelSize: Theme.bodySize
            text: "### Keyboard\n\n" +
                  "| key | does |\n|---|---|\n" +
                  "| Space | play / pause |\n" +
                  "| → / ← | step (by the chosen unit) |\n" +
                  "| Ctrl+→ / Ctrl+← | step by task step |\n" +
                  "| Shift+→ / Shift+← | step by loop iteration |\n" +
                  "| Home / End | jump to start / end |\n" +
                  "| + / − | faster / slower |\n" +
                  "| W / S | zoom the timeline in / out |\n" +
                  "| A / D | pan the timeline |\n" +
                  "| . / , | next / previous event |\n" +
                  "| Ctrl+R | run again |\n" +
                  "| F11 | presentation mode |\n" +
                  "| L | show / hide the lesson text |\n" +
                  "| ? | this help |\n"
        }
    }
}
