// The timeline: one lane per task (names on the left, in each task's colour), the lanes drawn
// by the C++ TimelineItem, and its axis switch. Wheel zooms, drag pans, click seeks;
// W/S/A/D and . / , from the keyboard.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

Rectangle {
    id: view

    required property Engine engine
    required property Player player
    // The inspector's task, shared with the stage: its lane is highlighted, a click picks one.
    property int selectedTask: 0
    signal taskPicked(int taskId)
    // the instructor's bookmarks (playhead positions), marked on the scrub bar.
    property var bookmarks: []

    function zoomIn() { lanes.zoom(1.5, lanes.xOfPosition(view.player.position)) }
    function zoomOut() { lanes.zoom(1 / 1.5, lanes.xOfPosition(view.player.position)) }
    function panBy(fraction) { lanes.pan(lanes.width * fraction) }

    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.panelEdge

    RowLayout {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 8 }
        Text {
            text: "TIMELINE"
            color: Theme.faintInk
            font.pixelSize: Theme.tinySize
            font.bold: true
            font.letterSpacing: 1
        }
        // The states inline when there is room; the whole key (states, marks, arrows) on the
        // "key" button either way.
        Repeater {
            model: view.width > 980
                   ? [["running", Theme.running], ["ready", Theme.ready], ["waiting", Theme.waiting],
                      ["done", Theme.done], ["cancelled", Theme.cancelled], ["failed", Theme.failed]]
                   : []
            Row {
                required property var modelData
                spacing: 3
                Rectangle { width: 10; height: 10; radius: 2; color: parent.modelData[1]; anchors.verticalCenter: parent.verticalCenter }
                Text { text: parent.modelData[0]; color: Theme.quietInk; font.pixelSize: Theme.tinySize }
            }
        }
        // Scrubbing: drag to move the playhead through the whole run.
        Slider {
            id: scrubber
            Layout.fillWidth: true
            from: 0
            to: Math.max(1, view.player.count)
            Layout.minimumWidth: 120
            value: view.player.position
            onMoved: view.player.seek(Math.round(value))
            ToolTip.visible: hovered
            ToolTip.text: "Scrub: drag the playhead through the run"
            BookmarkMarks {
                objectName: "bookmarkMarks"
                slider: scrubber
                positions: view.bookmarks
                onMarkClicked: (position) => view.player.seek(position)
            }
        }
        Text {
            visible: view.width > 1250
            text: "wheel zoom · drag pan · click seek · W/S/A/D"
            color: Theme.faintInk
            font.pixelSize: Theme.tinySize
        }
        // Await / wake / cancel arrows need room: say so when the view is too dense for them.
        Text {
            visible: !lanes.linksShown && lanes.laneCount > 1
            text: "zoom in for arrows"
            color: Theme.faintInk
            font.pixelSize: Theme.tinySize
        }
        Button {
            id: keyButton
            text: "key"
            flat: true
            font.pixelSize: Theme.tinySize + 1
            ToolTip.visible: hovered || pressed
            ToolTip.text: "<b>Lanes</b> (height and colour): " +
                          "<font color='" + Theme.running + "'>■</font> running (task colour) · " +
                          "<font color='" + Theme.ready + "'>■</font> ready · " +
                          "<font color='" + Theme.waiting + "'>■</font> waiting · " +
                          "<font color='" + Theme.done + "'>■</font> done · " +
                          "<font color='" + Theme.cancelled + "'>■</font> cancelled · " +
                          "<font color='" + Theme.failed + "'>■</font> failed<br>" +
                          "<b>Marks</b>: <font color='" + Theme.cancelled + "'>⊘</font> hollow: cancel requested · " +
                          "<font color='" + Theme.cancelled + "'>●</font> solid ⊘: CancelledError delivered · " +
                          "<font color='" + Theme.failed + "'>✗</font> failed with an exception<br>" +
                          "<b>Arrows</b> (tail dot: who, head: whom): <font color='#4d5e70'>↓</font> awaits · " +
                          "<font color='#1a8f3c'>↓</font> wakes · <font color='#d06f1a'>↓</font> cancels " +
                          "(merged when closer than a few pixels; hidden while zoomed far out)"
        }
        Button {
            text: lanes.timeAxis ? "axis: loop time" : "axis: events"
            flat: true
            font.pixelSize: Theme.tinySize + 1
            onClicked: lanes.timeAxis = !lanes.timeAxis
        }
        Button {
            text: "fit"
            flat: true
            font.pixelSize: Theme.tinySize + 1
            onClicked: lanes.fitAll()
        }
    }

    // Axis labels over the lanes: the visible range in events or seconds.
    Item {
        id: axis
        anchors { left: parent.left; right: parent.right; top: header.bottom; leftMargin: 8 + Theme.laneNameWidth; rightMargin: 20 }
        height: Theme.tinySize + 4
        Repeater {
            model: 5
            Text {
                required property int index
                readonly property real value: lanes.viewStart + (lanes.viewEnd - lanes.viewStart) * index / 4
                x: axis.width * index / 4 - (index === 4 ? width : index === 0 ? 0 : width / 2)
                text: lanes.timeAxis ? value.toFixed(3) + " s" : "#" + Math.round(value)
                color: Theme.faintInk
                font.pixelSize: Theme.tinySize
                font.family: Theme.monospace
            }
        }
    }

    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: axis.bottom; bottom: parent.bottom; margins: 8; topMargin: 2 }
        clip: true

        // Lane names and stripes, scrolled with the lanes; a ListView, so that only the lanes in
        // sight have items, however many tasks the run had.
        ListView {
            id: names
            anchors.fill: parent
            interactive: false
            contentY: lanes.laneOffset
            model: lanes.laneCount
            delegate: Item {
                required property int index
                width: names.width
                height: lanes.laneHeight
                readonly property bool picked: lanes.laneTasks[index] === view.selectedTask
                Rectangle {
                    x: lanes.x
                    width: lanes.width
                    height: parent.height - 2
                    color: parent.picked ? Theme.selection : index % 2 === 0 ? Theme.subtle : Theme.subtleAlt
                }
                Text {
                    width: lanes.x - 6
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    text: lanes.laneNames[index] ?? ""
                    color: Theme.taskColour(lanes.laneHues[index] ?? 0)
                    font.pixelSize: Theme.tinySize + 1
                    font.bold: true
                }
            }
        }
        TimelineItem {
            id: lanes
            objectName: "timelineLanes"
            x: Theme.laneNameWidth
            width: body.width - x - 12
            height: body.height
            engine: view.engine
            player: view.player
            laneHeight: Theme.laneHeight
            onTaskClicked: (taskId) => view.taskPicked(taskId)
        }
        ScrollBar {
            id: laneScroll
            anchors { right: parent.right; top: parent.top; bottom: parent.bottom }
            orientation: Qt.Vertical
            size: Math.min(1, body.height / Math.max(1, lanes.laneCount * lanes.laneHeight))
            active: true
            onPositionChanged: lanes.laneOffset = position * lanes.laneCount * lanes.laneHeight
        }
        WheelHandler {
            target: null
            acceptedModifiers: Qt.ControlModifier
            onWheel: (event) => laneScroll.position = Math.max(0, Math.min(1 - laneScroll.size, laneScroll.position - event.angleDelta.y / 1200))
        }
    }
}
