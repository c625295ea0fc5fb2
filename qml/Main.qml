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
    // The code pane's width as the user dragged it (before presentation scaling); 0: the
    // default, which follows the window.
    property real codePaneWidth: 0
    // Off for still pictures (--screenshot): cards sit at their places at once.
    property bool animated: true
    property bool presenting: false
    // The task the inspector shows (0: none): picked on the stage or on the timeline.
    property int selectedTask: 0
    // the lesson's checkpoints (null: none, e.g. in tests that load only the views).
    property Checkpoints checkpoints: null
    // the instructor's bookmarks on this run, and the two-run comparison window's runs
    // (null: none, e.g. in tests that load only the views).
    property Bookmarks bookmarks: null
    property RunComparison comparison: null
    // pictures, the Chrome trace, recordings, video (null: none, e.g. in view tests).
    property Exporter exporter: null
    // the edited script (user copies of lessons, autosave, recovery; null: a viewer).
    property ScriptDocument document: null

    width: 1440
    height: 900
    minimumWidth: 1280
    minimumHeight: 760
    visible: true
    title: "Loopscope — " + engine.scenarioName
    color: Theme.page
    // the controls (buttons, boxes, sliders) follow the palette. (Not the scale: a window
    // font binding makes CodeView's reset Dialog report a binding loop when it changes.)
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

    // The step buttons and the arrow keys move by this unit.
    property string granularity: "event"
    function stepForward() {
        if (granularity === "task step") player.stepTaskForward()
        else if (granularity === "iteration") player.stepIterationForward()
        else if (granularity === "line") player.stepLineForward()
        else player.stepForward()
    }
    function stepBack() {
        if (granularity === "task step") player.stepTaskBack()
        else if (granularity === "iteration") player.stepIterationBack()
        else if (granularity === "line") player.stepLineBack()
        else player.stepBack()
    }

    Shortcut { sequence: "Space"; onActivated: root.player.togglePlaying() }
    Shortcut { sequence: "Right"; onActivated: root.stepForward() }
    Shortcut { sequence: "Left"; onActivated: root.stepBack() }
    Shortcut { sequence: "Shift+Right"; onActivated: root.player.stepIterationForward() }
    Shortcut { sequence: "Shift+Left"; onActivated: root.player.stepIterationBack() }
    Shortcut { sequence: "Ctrl+Right"; onActivated: root.player.stepTaskForward() }
    Shortcut { sequence: "Ctrl+Left"; onActivated: root.player.stepTaskBack() }
    // by source line; K turns the lesson's checkpoints on and off (presenters).
    Shortcut { sequence: "Ctrl+Shift+Right"; onActivated: root.player.stepLineForward() }
    Shortcut { sequence: "Ctrl+Shift+Left"; onActivated: root.player.stepLineBack() }
    Shortcut {
        sequence: "K"
        enabled: root.checkpoints !== null
        onActivated: root.checkpoints.enabled = !root.checkpoints.enabled
    }
    Shortcut { sequence: "Home"; onActivated: root.player.jumpToStart() }
    Shortcut { sequence: "End"; onActivated: root.followLiveEdge() }
    Shortcut { sequences: ["+", "="]; onActivated: root.player.faster() }
    Shortcut { sequences: ["-", "_"]; onActivated: root.player.slower() }
    Shortcut { sequence: "Ctrl+R"; onActivated: root.runEdited() }
    Shortcut { sequence: "F11"; onActivated: root.togglePresentation() }
    Shortcut { sequence: "?"; onActivated: help.visible = !help.visible }
    Shortcut { sequence: "L"; onActivated: root.lessonPaneOpen = !root.lessonPaneOpen }
    Shortcut {
        sequence: "Escape"
        onActivated: {
            if (help.visible) help.visible = false
            else root.setPresenting(false)  // Escape leaves presentation mode too
        }
    }
    // Perfetto's timeline keys.
    Shortcut { sequence: "W"; onActivated: timeline.zoomIn() }
    Shortcut { sequence: "S"; onActivated: timeline.zoomOut() }
    Shortcut { sequence: "A"; onActivated: timeline.panBy(-0.2) }
    Shortcut { sequence: "D"; onActivated: timeline.panBy(0.2) }
    Shortcut { sequence: "."; onActivated: root.player.stepForward() }
    Shortcut { sequence: ","; onActivated: root.player.stepBack() }

    // --- live: presentation mode, live mode, bookmarks, comparing runs -----------------------
    // Presentation (F11, ⛶): full screen, lesson text and inspector hidden, everything scaled
    // for a projector at 1920x1080 (Theme.scale), the high-contrast palette. Leaving it brings
    // back the palette the user had.
    readonly property real presentationScale: 1.5
    property string themeBeforePresenting: "light"
    // --theme NAME (main.cpp): "light", "dark" or "contrast".
    function setTheme(name) { if (Theme.names.indexOf(name) >= 0) Theme.name = name }
    function togglePresentation() { setPresenting(!presenting) }
    function setPresenting(on) {
        if (on === presenting) return
        presenting = on
        if (on) {
            themeBeforePresenting = Theme.name
            Theme.name = "contrast"
            Theme.scale = presentationScale
            root.showFullScreen()
        } else {
            Theme.name = themeBeforePresenting
            Theme.scale = 1.0
            root.showNormal()
        }
    }
    // Live mode follows the live edge; End (or F) comes back to it after dragging back.
    function followLiveEdge() {
        if (root.engine.running) root.player.following = true
        root.player.jumpToEnd()
    }
    function jumpToBookmark(forward) {
        if (!root.bookmarks) return
        const to = forward ? root.bookmarks.next(root.player.position)
                           : root.bookmarks.previous(root.player.position)
        if (to >= 0) root.player.seek(to)
    }
    function openComparison() {
        if (!root.comparison) return
        const current = (root.engine.isScript ? "" : "demo:") + root.engine.scenarioName
        if (root.comparison.left.scenarioName.length === 0)
            root.comparison.open(current, current === "demo:gather" ? "demo:hello" : "demo:gather")
        compareLoader.active = true
        compareLoader.item.show()
        compareLoader.item.raise()
    }
    // A live run starts at its live edge.
    Connections {
        target: root.engine
        function onRunStarted() { if (root.engine.liveRun) root.player.following = true }
    }
    Binding { target: root.engine; property: "liveSpeed"; value: root.player.speed }
    Shortcut { sequence: "Ctrl+L"; onActivated: root.engine.live = !root.engine.live }
    Shortcut { sequence: "F"; onActivated: root.followLiveEdge() }
    Shortcut { sequence: "T"; onActivated: Theme.nextTheme() }
    Shortcut { sequence: "B"; enabled: root.bookmarks !== null; onActivated: root.bookmarks.toggle(root.player.position) }
    Shortcut { sequences: ["]", "Alt+Right"]; onActivated: root.jumpToBookmark(true) }
    Shortcut { sequences: ["[", "Alt+Left"]; onActivated: root.jumpToBookmark(false) }
    Shortcut { sequence: "C"; enabled: root.comparison !== null; onActivated: root.openComparison() }
    Loader {
        id: compareLoader
        active: false
        sourceComponent: CompareWindow {
            comparison: root.comparison
            lessons: root.lessons
            animated: root.animated
        }
    }
    // --- end live ----------------------------------------------------------------------------

    // --- share: the Share menu (Ctrl+E) and its shortcuts; a .loopscope dropped on the window
    // opens as a recording.
    ShareMenu {
        id: share
        exporter: root.exporter
        player: root.player
        timeline: timeline
    }
    function openShareMenu() { share.openMenu(root.width - 300, 56) }
    Shortcut { sequence: "Ctrl+E"; enabled: root.exporter !== null; onActivated: root.openShareMenu() }
    Shortcut { sequence: "Ctrl+Shift+P"; enabled: root.exporter !== null; onActivated: share.ask("window") }
    Shortcut { sequence: "Ctrl+Alt+P"; enabled: root.exporter !== null; onActivated: share.ask("timeline") }
    Shortcut { sequence: "Ctrl+Shift+J"; enabled: root.exporter !== null; onActivated: share.ask("trace") }
    Shortcut { sequence: "Ctrl+Shift+E"; enabled: root.exporter !== null; onActivated: share.ask("recording") }
    Shortcut { sequence: "Ctrl+Shift+O"; enabled: root.exporter !== null; onActivated: share.ask("open") }
    Shortcut { sequence: "Ctrl+Shift+G"; enabled: root.exporter !== null; onActivated: share.ask("video") }
    // --- end share ---------------------------------------------------------------------------

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
            onCompareClicked: root.openComparison()
            onShareClicked: (x, y) => share.openMenu(x, y)
            onRunClicked: root.runEdited()  // editor
        }

        RowLayout {
            id: panes
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0  // the divider is the gap between code and stage
            // The stage needs this much to draw its ring, queues and trays side by side; the
            // code pane grows only into what is left.
            readonly property real stageMinimumWidth: 700 * Theme.scale
            readonly property real besideCode:
                width - (lessonPane.visible ? lessonPane.width + 8 : 0) - codeDivider.width
            // (the code keeps 300 px even in a small window with the lesson open)
            readonly property real codeMaximumWidth:
                Math.max(Math.min(300 * Theme.scale, root.width * 0.3), besideCode - stageMinimumWidth)
            // Unasked, the code grows to show whole lines only while the stage keeps room for
            // two columns of waiting tasks.
            readonly property real codeRoomyWidth: Math.max(240, besideCode - 860 * Theme.scale)

            LessonPane {
                id: lessonPane
                objectName: "lessonPane"
                visible: !root.presenting && root.lessonPaneOpen && root.engine.lessonText.length > 0
                Layout.rightMargin: 8
                Layout.preferredWidth: Math.min(300, root.width * 0.2)
                Layout.fillHeight: true
                title: root.engine.lessonTitle
                text: root.engine.lessonText
                checkpoints: root.checkpoints
            }

            ColumnLayout {
                id: codeColumn
                objectName: "codeColumn"
                // Dragged: kept, as long as the stage keeps room to draw in. (A layout fills
                // its row unless told not to.)
                Layout.fillWidth: false
                // The default: every line whole if the stage stays roomy, and never narrower
                // than it used to be (380, or 30 % of a small window).
                Layout.preferredWidth: Math.min(root.codePaneWidth > 0
                                                    ? root.codePaneWidth * Theme.scale
                                                    : Math.max(Math.min(380 * Theme.scale, root.width * 0.3),
                                                               Math.min(codeView.idealWidth, panes.codeRoomyWidth)),
                                                panes.codeMaximumWidth)
                Layout.fillHeight: true
                spacing: 8

                CodeView {
                    id: codeView
                    objectName: "codeView"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    source: root.engine.source
                    document: root.document
                    // an opened recording shows its own script, read-only
                    editable: root.document !== null && root.engine.isScript &&
                              !(root.exporter && root.exporter.replaying)
                    onRunRequested: (path) => root.engine.runScript(path)
                    error: root.engine.error
                    errorLine: root.engine.errorLine
                    firstLine: root.engine.codeFirstLine
                    tasks: root.stage.tasks
                    animated: root.animated
                }
                ConsoleView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.paneHeight
                    model: root.stage.console
                    player: root.player
                    failure: root.engine.status === "failed" || root.engine.status === "limit"
                             ? root.engine.error : ""
                }
            }

            // Between code and stage: drag for longer lines, double-click for the default.
            PaneDivider {
                id: codeDivider
                objectName: "codeDivider"
                Layout.fillHeight: true
                paneWidth: codeColumn.width
                maximumWidth: panes.codeMaximumWidth
                onResized: (width) => root.codePaneWidth = width / Theme.scale
                onResetRequested: root.codePaneWidth = 0
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 8

                StageView {
                    objectName: "stageView"
                    inspectorVisible: !root.presenting
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    stage: root.stage
                    animated: root.animated
                    selectedTask: root.selectedTask
                    onTaskPicked: (taskId) => root.selectedTask = taskId
                }
                TimelineView {
                    id: timeline
                    objectName: "timelineView"  // "PNG of the timeline" finds it
                    bookmarks: root.bookmarks ? root.bookmarks.positions : []
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.paneHeight
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
                const path = decodeURIComponent(url.replace(/^file:\/\//, ""))
                // a recording replays instead of running
                if (path.endsWith(".loopscope") && root.exporter) root.exporter.openRecording(path)
                else root.engine.runScript(path)
                drop.accept()
            }
        }
    }

    // a checkpoint's question, over the stage's lower right (the trays and the
    // inspector, so that the ring, the running slot and the queues stay in view) while
    // playback waits at its pause.
    CheckpointCard {
        objectName: "checkpointCard"
        controller: root.checkpoints
        x: root.width - width - 24
        y: Math.max(90, root.height - timeline.height - height - 34)
        z: 9
    }

    // --- editor: Ctrl+R runs the edited text; every script run shows its document ---
    // Ctrl+R (and ↻ Run): the edits are written where they run (a lesson's user copy, a file
    // saved), then that file runs. A built-in scenario just runs again.
    function runEdited() {
        const replaying = root.exporter !== null && root.exporter.replaying
        if (root.document !== null && root.engine.isScript && !replaying) root.engine.runScript(root.document.prepareRun())
        else root.engine.rerun()
    }
    Connections {
        target: root.engine
        // A script started by the picker, a drop or the command line: the editor opens it (after
        // saving the edits of what was open). A lesson the user changed runs as their copy.
        function onRunStarted() {
            codeView.markRun()
            if (root.document === null || !root.engine.isScript) return
            if (root.exporter !== null && root.exporter.replaying) return  // a recording
            const instead = root.document.follow(root.engine.scenarioName)
            if (instead.length > 0) root.engine.runScript(instead)
        }
    }
    Connections {
        target: root.document
        function onUserCopiesChanged() { if (root.lessons) root.lessons.refreshMarks() }
    }

    // The keyboard map, on `?`: two tables side by side, the box as large as they are (at most
    // the window), so that it fits a projector's scale too.
    Rectangle {
        id: help
        visible: false
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, helpColumns.implicitWidth + 40)
        height: Math.min(parent.height - 40, helpTitle.implicitHeight + helpColumns.implicitHeight + 50)
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.panelEdge
        clip: true
        z: 10

        readonly property var keys: [
            ["Space", "play / pause"],
            ["→ / ←", "step (by the chosen unit)"],
            ["Ctrl+→ / Ctrl+←", "step by task step"],
            ["Shift+→ / Shift+←", "step by loop iteration"],
            ["Ctrl+Shift+→ / ←", "step by source line"],
            ["Home / End", "jump to start / end"],
            ["+ / −", "faster / slower"],
            ["W / S", "zoom the timeline in / out"],
            ["A / D", "pan the timeline"],
            [". / ,", "next / previous event"],
            ["Ctrl+R", "run again (the edited text)"],
            ["Ctrl+F · Ctrl+Z / Ctrl+Shift+Z", "find · undo / redo in the code"],
            ["Ctrl+N · Ctrl+O · Ctrl+S · Ctrl+Shift+S", "new · open · save · save as"],
            ["Esc (in the code)", "leave the editor (keys control playback again)"],
            ["F11", "presentation mode"],
            ["L", "show / hide the lesson text"],
            ["drag ⋮ (double-click)", "code pane wider / narrower (default width)"],
            ["K", "checkpoints on / off"],
            ["Alt+1…9 / Enter", "checkpoint: pick a choice / continue"],
            ["B", "bookmark the playhead (again: remove)"],
            ["] / [ or Alt+→ / Alt+←", "next / previous bookmark"],
            ["Ctrl+L", "live mode on / off (real clock, at the speed)"],
            ["F or End", "follow the live edge again"],
            ["T", "theme: light, dark, high contrast"],
            ["C", "compare two runs"],
            ["Esc", "close this / leave presentation"],
            ["Ctrl+E", "share menu: pictures, trace, recording, video"],
            ["Ctrl+Shift+P / Ctrl+Alt+P", "PNG of the window / timeline"],
            ["Ctrl+Shift+J", "trace for Perfetto (JSON)"],
            ["Ctrl+Shift+E / Ctrl+Shift+O", "save / open a recording"],
            ["Ctrl+Shift+G", "GIF or video of the playback"],
            ["?", "this help"]
        ]
        function table(from, to) {
            let text = "| key | does |\n|---|---|\n"
            for (let i = from; i < to; ++i) text += "| " + keys[i][0] + " | " + keys[i][1] + " |\n"
            return text
        }

        Text {
            id: helpTitle
            x: 20
            y: 16
            text: "Keyboard"
            color: Theme.ink
            font.pixelSize: Theme.headingSize
            font.bold: true
        }
        Row {
            id: helpColumns
            objectName: "helpColumns"
            x: 20
            anchors.top: helpTitle.bottom
            anchors.topMargin: 10
            spacing: 28
            Repeater {
                model: 2
                Text {
                    required property int index
                    readonly property int half: Math.ceil(help.keys.length / 2)
                    textFormat: Text.MarkdownText
                    color: Theme.ink
                    font.pixelSize: Theme.smallSize
                    text: help.table(index * half, Math.min(help.keys.length, (index + 1) * half))
                }
            }
        }
    }
}
