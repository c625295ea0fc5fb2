// The Share menu (docs/APP.md "Exporting and sharing"): pictures, the Chrome trace, recordings
// and video. Each entry asks for a file name in a small dialog (a path offered in Pictures,
// Videos or Documents), then the Exporter does the work and says how it went.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

Item {
    id: share

    property Exporter exporter: null
    property Player player: null
    // The item "PNG of the timeline" renders.
    property Item timeline: null

    // The actions, by kind: what the dialog asks and which suffix it offers.
    readonly property var kinds: ({
        "window": { title: "Save a PNG of the window", suffix: "png", what: "window", verb: "Save" },
        "timeline": { title: "Save a PNG of the timeline", suffix: "png", what: "timeline", verb: "Save" },
        "trace": { title: "Export the trace for Perfetto (Chrome JSON)", suffix: "json", what: "", verb: "Export" },
        "recording": { title: "Save the recording (script + trace)", suffix: "loopscope", what: "", verb: "Save" },
        "open": { title: "Open a recording", suffix: "loopscope", what: "", verb: "Open" },
        "video": { title: "Export the playback as GIF or video", suffix: "gif", what: "", verb: "Export" }
    })

    function openMenu(x, y) { menu.popup(x, y) }
    // Shows the dialog for one kind of export.
    function ask(kind) {
        if (!exporter) return
        dialog.kind = kind
        pathField.text = kind === "open" ? exporter.suggestedPath("loopscope").replace(/[^/]*$/, "")
                                         : exporter.suggestedPath(kinds[kind].suffix, kinds[kind].what)
        fromField.text = player ? String(player.position >= player.count ? 0 : player.position) : "0"
        toField.text = player ? String(player.count) : "-1"
        dialog.open()
        pathField.forceActiveFocus()
        pathField.cursorPosition = pathField.text.length
    }
    function run(kind, path) {
        if (kind === "window") return exporter.saveWindowImage(path)
        if (kind === "timeline") return exporter.saveTimelineImage(share.timeline, path)
        if (kind === "trace") return exporter.saveChromeTrace(path)
        if (kind === "recording") return exporter.saveRecording(path)
        if (kind === "open") return exporter.openRecording(path)
        if (kind === "video") return exporter.exportVideo(path, parseInt(fromField.text), parseInt(toField.text))
        return false
    }

    Menu {
        id: menu
        objectName: "shareMenu"
        // Wide enough for each entry's shortcut (the Basic style's default is 200 px).
        width: 360 * Theme.scale
        MenuItem { text: "PNG of the window…   Ctrl+Shift+P"; onTriggered: share.ask("window") }
        MenuItem { text: "PNG of the timeline…   Ctrl+Alt+P"; onTriggered: share.ask("timeline") }
        MenuItem { text: "Trace for Perfetto (JSON)…   Ctrl+Shift+J"; onTriggered: share.ask("trace") }
        MenuSeparator {}
        MenuItem { text: "Save recording…   Ctrl+Shift+E"; onTriggered: share.ask("recording") }
        MenuItem { text: "Open recording…   Ctrl+Shift+O"; onTriggered: share.ask("open") }
        MenuSeparator {}
        MenuItem {
            text: "GIF or video…   Ctrl+Shift+G"
            enabled: share.exporter && share.exporter.videoAvailable && !share.exporter.busy
            onTriggered: share.ask("video")
        }
    }

    Popup {
        id: dialog
        objectName: "shareDialog"
        property string kind: "window"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(640 * Theme.scale, parent ? parent.width - 40 : 640)
        modal: true
        focus: true
        padding: 16
        background: Rectangle {
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.panelEdge
        }

        contentItem: ColumnLayout {
            spacing: 10
            Text {
                text: share.kinds[dialog.kind] ? share.kinds[dialog.kind].title : ""
                color: Theme.ink
                font.pixelSize: Theme.headingSize
                font.bold: true
            }
            TextField {
                id: pathField
                objectName: "sharePath"
                Layout.fillWidth: true
                selectByMouse: true
                font.pixelSize: Theme.bodySize
                onAccepted: go.clicked()
            }
            RowLayout {
                visible: dialog.kind === "video"
                spacing: 8
                Text { text: "from event"; color: Theme.quietInk; font.pixelSize: Theme.smallSize }
                TextField { id: fromField; Layout.preferredWidth: 90; validator: IntValidator { bottom: 0 } }
                Text { text: "to event"; color: Theme.quietInk; font.pixelSize: Theme.smallSize }
                TextField { id: toField; Layout.preferredWidth: 90; validator: IntValidator { bottom: -1 } }
                Text {
                    text: "at " + (share.player ? share.player.speed.toFixed(1) : "1.0") +
                          "x · .gif, .mp4 or .webm"
                    color: Theme.quietInk
                    font.pixelSize: Theme.smallSize
                }
            }
            Text {
                Layout.fillWidth: true
                visible: dialog.kind === "open"
                text: "A .loopscope file replays its run without running the script."
                color: Theme.quietInk
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
            ProgressBar {
                Layout.fillWidth: true
                visible: share.exporter && share.exporter.busy
                value: share.exporter ? share.exporter.progress : 0
            }
            Text {
                id: result
                objectName: "shareMessage"
                Layout.fillWidth: true
                text: share.exporter ? share.exporter.message : ""
                color: share.exporter && !share.exporter.lastOk ? Theme.failed : Theme.quietInk
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button {
                    text: share.exporter && share.exporter.busy ? "Stop" : "Close"
                    onClicked: {
                        if (share.exporter.busy) share.exporter.cancelVideo()
                        else dialog.close()
                    }
                }
                Button {
                    id: go
                    text: share.kinds[dialog.kind] ? share.kinds[dialog.kind].verb : "Save"
                    highlighted: true
                    enabled: pathField.text.length > 0 && !(share.exporter && share.exporter.busy)
                    onClicked: {
                        // The dialog stays open for a video (its progress) and for errors.
                        const started = share.run(dialog.kind, pathField.text)
                        if (started && dialog.kind !== "video" && dialog.kind !== "timeline")
                            dialog.close()
                    }
                }
            }
        }
    }

    // What happened, for a moment, at the bottom of the window (after the dialog closed).
    Rectangle {
        id: toast
        parent: Overlay.overlay
        visible: opacity > 0
        opacity: 0
        anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined
        anchors.bottom: parent ? parent.bottom : undefined
        anchors.bottomMargin: 24
        width: toastText.implicitWidth + 32
        height: toastText.implicitHeight + 16
        radius: Theme.radius
        color: Theme.panel
        border.color: share.exporter && !share.exporter.lastOk ? Theme.failed : Theme.panelEdge
        Text {
            id: toastText
            anchors.centerIn: parent
            text: share.exporter ? share.exporter.message : ""
            color: Theme.ink
            font.pixelSize: Theme.smallSize
        }
        Behavior on opacity { NumberAnimation { duration: 200 } }
        Timer { id: toastTimer; interval: 4000; onTriggered: toast.opacity = 0 }
    }
    Connections {
        target: share.exporter
        function onFinished(ok, message) {
            if (ok && dialog.kind === "timeline") dialog.close()
            toast.opacity = 1
            toastTimer.restart()
        }
    }
}
