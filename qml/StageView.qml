// The loop stage: the event-loop ring with the iteration and the phase, the running slot (one
// thread: one task at a time), the ready queue in FIFO order, waiting tasks grouped by what
// they await, timers with countdowns, primitives with their waiter queues, executor jobs, and
// the done / cancelled / failed trays. Every task is one card on one layer, placed by its
// `place` and `slot`; when the playhead moves a card glides to its new place.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import Loopscope.Native 1.0

Rectangle {
    id: view

    required property LoopStage stage
    property bool animated: true

    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.panelEdge
    clip: true

    readonly property int labelWidth: Math.round(86 * Theme.scale)
    readonly property int slotStep: Theme.cardWidth + Theme.gap
    readonly property int sideWidth: Math.max(230, Math.min(290, width * 0.27))

    // The inspector's task (0: none), shared with the timeline; a click on a card picks one.
    property int selectedTask: 0
    // presentation mode hides the inspector.
    property bool inspectorVisible: true
    signal taskPicked(int taskId)
    // A counter that makes the inspector's bindings re-read the model.
    property int revision: 0
    Connections {
        target: view.stage
        function onChanged() { view.revision++ }
    }
    function selectedField(name) {
        view.revision  // re-evaluate on every stage change
        const tasks = view.stage.tasks
        for (let row = 0; row < tasks.count; ++row) {
            if (tasks.get(row, "taskId") === view.selectedTask)
                return tasks.get(row, name)
        }
        return undefined
    }

    component SectionLabel: Text {
        color: Theme.faintInk
        font.pixelSize: Theme.tinySize
        font.bold: true
        font.letterSpacing: 1
    }

    // --- the loop ring --------------------------------------------------------------------
    Item {
        id: ring
        x: 14
        y: 14
        width: Math.round(150 * Theme.scale)
        height: Math.round(150 * Theme.scale)

        // The four phases of one iteration, clockwise from the top.
        readonly property var phases: ["iteration-start", "polling", "firing-timers", "running-ready"]
        readonly property int phaseIndex: {
            const at = phases.indexOf(view.stage.phase)
            return at < 0 ? (view.stage.phase === "blocked" ? 1 : 0) : at
        }

        Rectangle {
            anchors.fill: parent
            radius: width / 2
            color: "transparent"
            border.width: Math.round(10 * Theme.scale)
            border.color: view.stage.phase === "blocked" ? Theme.failed : Theme.panelEdge
        }
        Repeater {
            // (two lines on the left: one would run into the iteration number)
            model: ["start", "poll", "timers", "run\nready"]
            Text {
                required property int index
                required property string modelData
                readonly property real angle: index * Math.PI / 2 - Math.PI / 2
                // Left and right labels end inside the stroke, clear of the dot.
                x: index === 1 ? ring.width / 2 + 58 * Theme.scale - width
                   : index === 3 ? ring.width / 2 - 58 * Theme.scale
                   : ring.width / 2 - width / 2
                y: ring.height / 2 + Math.sin(angle) * 52 * Theme.scale - height / 2
                text: modelData
                horizontalAlignment: Text.AlignHCenter
                lineHeight: 0.9
                color: index === ring.phaseIndex ? Theme.ink : Theme.faintInk
                font.pixelSize: Theme.tinySize
                font.bold: index === ring.phaseIndex
            }
        }
        // The dot that goes round: where in the iteration the loop is.
        Rectangle {
            id: dot
            width: Math.round(18 * Theme.scale)
            height: width
            radius: width / 2
            color: view.stage.phase === "blocked" ? Theme.failed : Theme.accent
            property real angle: ring.phaseIndex * 90 - 90
            // On the ring's stroke, whatever presentation mode's scale.
            x: ring.width / 2 + Math.cos(angle * Math.PI / 180) * 70 * Theme.scale - width / 2
            y: ring.height / 2 + Math.sin(angle * Math.PI / 180) * 70 * Theme.scale - height / 2
            Behavior on angle {
                enabled: view.animated
                RotationAnimation { duration: 250; direction: RotationAnimation.Clockwise }
            }
        }
        Column {
            anchors.centerIn: parent
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: "iteration"
                color: Theme.quietInk
                font.pixelSize: Theme.tinySize
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: view.stage.iteration
                color: Theme.ink
                font.pixelSize: text.length > 4 ? Theme.headingSize + 2 : Theme.titleSize
                font.bold: true
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: view.stage.clockSeconds.toFixed(3) + " s"
                color: Theme.quietInk
                font.pixelSize: Theme.tinySize
                font.family: Theme.monospace
            }
        }
    }
    Text {
        id: phaseText
        x: 14
        y: ring.y + ring.height + 8
        width: ring.width + 40
        wrapMode: Text.WordWrap
        text: view.stage.phaseDetail
        color: view.stage.phase === "blocked" ? Theme.failed : Theme.quietInk
        font.pixelSize: Theme.tinySize + 1
    }
    Text {
        x: 14
        y: phaseText.y + phaseText.height + 6
        width: ring.width + 40
        elide: Text.ElideRight
        text: view.stage.lastEvent
        color: Theme.faintInk
        font.pixelSize: Theme.tinySize
        font.family: Theme.monospace
    }

    // --- the places ---------------------------------------------------------------------------
    Item {
        id: board
        x: ring.x + ring.width + (view.width > 1000 ? 60 : 30)
        y: 12
        width: view.width - x - view.sideWidth - 16
        height: view.height - 24
        clip: true
        // How many cards fit across: the rest of a place is a count in its label.
        readonly property int readySlots: Math.max(1, Math.floor((width - view.labelWidth) / view.slotStep))
        readonly property int groupColumns: Math.max(1, Math.floor((width - view.labelWidth + 16) / (Theme.cardWidth + 16)))

        // RUNNING: one slot, because one thread runs one callback at a time.
        Item {
            id: runningRow
            width: parent.width
            height: Theme.cardHeight + 10
            SectionLabel { anchors.verticalCenter: parent.verticalCenter; text: "RUNNING" }
            Rectangle {
                x: view.labelWidth - 4
                y: 1
                width: Theme.cardWidth + 8
                height: Theme.cardHeight + 8
                radius: Theme.radius
                color: "transparent"
                border.color: Theme.running
                border.width: 1
                opacity: 0.6
            }
            Text {
                x: view.labelWidth + Theme.cardWidth + 16
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - x
                visible: width >= 48  // a narrow stage leaves no room: the card says enough
                // Beside the card there is little room: the label wraps onto the card's height.
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                maximumLineCount: 3
                elide: Text.ElideRight
                text: view.stage.runningLabel.length > 0 ? "callback\n" + view.stage.runningLabel : "idle"
                color: Theme.quietInk
                font.pixelSize: Theme.tinySize + 1
            }
        }

        // READY: FIFO, front on the left; a bar marks where this iteration's snapshot ends.
        Item {
            id: readyRow
            y: runningRow.y + runningRow.height + 10
            width: parent.width
            height: Theme.cardHeight + 10
            clip: false
            SectionLabel { anchors.verticalCenter: parent.verticalCenter; text: "READY  →" }
            Text {
                visible: view.stage.readyCount > board.readySlots
                y: parent.height / 2 + 8
                text: view.stage.readyCount + " in queue"
                color: Theme.quietInk
                font.pixelSize: Theme.tinySize
            }
            Rectangle {
                visible: view.stage.snapshotLeft > 0
                x: view.labelWidth + view.stage.snapshotLeft * view.slotStep - Theme.gap / 2 - 1
                y: 0
                width: 2
                height: parent.height
                color: Theme.accent
                Behavior on x { enabled: view.animated; NumberAnimation { duration: Theme.moveDuration } }
            }
            // Callbacks in the queue that are not a task's step (timers' wake-ups, call_soon).
            Repeater {
                model: view.stage.ready
                delegate: Rectangle {
                    required property string label
                    required property var handle
                    required property string origin
                    required property string taskName
                    required property int position
                    required property real hue
                    visible: origin !== "task-step" && position < board.readySlots
                    x: view.labelWidth + position * view.slotStep
                    y: 5
                    width: Theme.cardWidth
                    height: Theme.cardHeight - 10
                    radius: Theme.radius
                    color: Theme.darkGround ? Theme.subtle : "#fdf1dc"
                    border.color: Theme.timer
                    Behavior on x { enabled: view.animated; NumberAnimation { duration: Theme.moveDuration; easing.type: Easing.OutCubic } }
                    Column {
                        anchors { fill: parent; margins: 4; leftMargin: 8 }
                        Text {
                            width: parent.width
                            elide: Text.ElideRight
                            text: (origin === "timer" ? "◷ " : "↪ ") + (label.length > 0 ? label : "callback #" + handle)
                            color: Theme.ink
                            font.pixelSize: Theme.tinySize
                        }
                        Text {
                            width: parent.width
                            elide: Text.ElideRight
                            visible: taskName.length > 0
                            text: "wakes " + taskName
                            color: Theme.taskColour(hue)
                            font.pixelSize: Theme.tinySize
                        }
                    }
                }
            }
        }

        // WAITING: one column per awaited object, its title on top.
        Item {
            id: waitingArea
            y: readyRow.y + readyRow.height + 14
            width: parent.width
            height: trays.y - y - 10
            SectionLabel { text: "WAITING" }
            Text {
                visible: view.stage.waitingCount > 0
                y: 16
                width: view.labelWidth - 8
                wrapMode: Text.WordWrap
                text: view.stage.waitingCount + " tasks" +
                      (view.stage.waitGroups.count > board.groupColumns
                           ? " in " + view.stage.waitGroups.count + " groups" : "")
                color: Theme.quietInk
                font.pixelSize: Theme.tinySize
            }
            Repeater {
                model: view.stage.waitGroups
                delegate: Text {
                    required property string title
                    required property string kind
                    required property int column
                    required property int size
                    x: view.labelWidth + column * (Theme.cardWidth + 16)
                    y: 0
                    width: Theme.cardWidth
                    elide: Text.ElideRight
                    visible: column < board.groupColumns
                    text: (kind === "timer" ? "◷ " : kind === "task" ? "→ " : "▣ ") + title +
                          (size > 5 ? "  (" + size + ")" : "")
                    color: Theme.quietInk
                    font.pixelSize: Theme.tinySize + 1
                    font.bold: true
                    Behavior on x { enabled: view.animated; NumberAnimation { duration: Theme.moveDuration } }
                }
            }
        }

        // Finished tasks, by how they ended.
        Row {
            id: trays
            y: parent.height - height
            width: parent.width
            height: Math.round(96 * Theme.scale)
            spacing: 10
            // Rows of small cards below the heading: what does not fit is the heading's count.
            readonly property int rows: Math.max(1, Math.floor((height - 24 * Theme.scale - 4) / (Theme.smallCardHeight + 4)))
            Repeater {
                model: [["DONE ✓", "done", view.stage.doneCount], ["CANCELLED ⊘", "cancelled", view.stage.cancelledCount],
                        ["FAILED ✗", "failed", view.stage.failedCount]]
                Rectangle {
                    required property var modelData
                    objectName: "tray_" + modelData[1]
                    width: (trays.width - 20) / 3
                    height: trays.height
                    radius: Theme.radius
                    color: Theme.subtle
                    border.color: Theme.panelEdge
                    // The count keeps its place at the right; a narrow stage shrinks the heading
                    // (and at worst shortens it) rather than cutting the count off.
                    SectionLabel {
                        id: trayCount
                        anchors { right: parent.right; rightMargin: 8 }
                        y: 6
                        visible: parent.modelData[2] > 0
                        text: parent.modelData[2]
                        color: Theme.stateColour(parent.modelData[1])
                    }
                    SectionLabel {
                        id: trayHeading
                        objectName: "trayHeading"
                        x: 8
                        y: 6
                        width: parent.width - 20 - (trayCount.visible ? trayCount.width : 0)
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Math.round(Theme.tinySize * 0.7)
                        elide: Text.ElideRight
                        // The word is the cue; its symbol goes first when room runs out.
                        readonly property string word: parent.modelData[0].split(" ")[0]
                        text: fullHeading.width <= width ? parent.modelData[0] : word
                        color: Theme.stateColour(parent.modelData[1])
                        TextMetrics {
                            id: fullHeading
                            font: trayHeading.font
                            text: trayHeading.parent.modelData[0]
                        }
                    }
                }
            }
        }

        // Arrows: from each group of waiting tasks to what it awaits (a task's card, a timer's
        // row, a primitive's box). Redrawn when the stage changes and once the cards have
        // settled.
        Canvas {
            id: arrows
            anchors.fill: parent
            property int revision: view.revision
            onRevisionChanged: { requestPaint(); settle.restart() }
            onWidthChanged: requestPaint()
            onHeightChanged: requestPaint()
            Timer {
                id: settle
                interval: Theme.moveDuration + 40
                onTriggered: arrows.requestPaint()
            }

            function rowOf(model, role, value) {
                for (let row = 0; row < model.count; ++row) {
                    if (model.get(row, role) === value)
                        return row
                }
                return -1
            }
            function arrow(ctx, x0, y0, x1, y1) {
                const bend = Math.max(30, Math.abs(x1 - x0) / 3)
                ctx.beginPath()
                ctx.moveTo(x0, y0)
                ctx.bezierCurveTo(x0, y0 - bend, x1 - (x1 > x0 ? bend : -bend), y1, x1, y1)
                ctx.stroke()
                const angle = Math.atan2(y1 - y0 + bend, x1 - (x1 - (x1 > x0 ? bend : -bend)))
                ctx.beginPath()
                ctx.moveTo(x1, y1)
                ctx.lineTo(x1 - 9 * Math.cos(angle - 0.4), y1 - 9 * Math.sin(angle - 0.4))
                ctx.lineTo(x1 - 9 * Math.cos(angle + 0.4), y1 - 9 * Math.sin(angle + 0.4))
                ctx.closePath()
                ctx.fill()
            }
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.strokeStyle = Qt.rgba(0.35, 0.39, 0.43, 0.55)
                ctx.fillStyle = Qt.rgba(0.35, 0.39, 0.43, 0.7)
                ctx.lineWidth = 1.5
                const groups = view.stage.waitGroups
                const tasks = view.stage.tasks
                for (let g = 0; g < groups.count; ++g) {
                    if (groups.get(g, "column") >= board.groupColumns)
                        continue  // not shown: no arrow from off the stage
                    const kind = groups.get(g, "kind")
                    const object = groups.get(g, "objectId")
                    const x0 = view.labelWidth + groups.get(g, "column") * (Theme.cardWidth + 16) + Theme.cardWidth - 12
                    const y0 = waitingArea.y + 8
                    if (kind === "task") {
                        const row = rowOf(tasks, "taskId", object)
                        if (row < 0) continue
                        const place = tasks.get(row, "place")
                        const slot = tasks.get(row, "slot")
                        if (place === "running")
                            arrow(ctx, x0, y0, view.labelWidth + Theme.cardWidth / 2, runningRow.y + Theme.cardHeight + 6)
                        else if (place === "ready")
                            arrow(ctx, x0, y0, view.labelWidth + slot * view.slotStep + Theme.cardWidth / 2, readyRow.y + Theme.cardHeight + 6)
                        else if (place === "waiting")
                            arrow(ctx, x0, y0, view.labelWidth + tasks.get(row, "group") * (Theme.cardWidth + 16) + Theme.cardWidth / 2,
                                  waitingArea.y + 22 + slot * (Theme.cardHeight + 6) + Theme.cardHeight + 2)
                        continue
                    }
                    const model = kind === "timer" ? view.stage.timers : view.stage.primitives
                    const rows = kind === "timer" ? timerRows : primitiveRows
                    const row = rowOf(model, kind === "timer" ? "handle" : "primitiveId", object)
                    const item = row >= 0 ? rows.itemAt(row) : null
                    if (item === null) continue
                    const end = item.mapToItem(arrows, 0, item.height / 2)
                    arrow(ctx, x0, y0, end.x - 6, end.y)
                }
            }
        }

        // The cards, on one layer over the places.
        Repeater {
            id: cards
            model: view.stage.tasks
            delegate: TaskCard {
                id: card
                required property string place
                required property int slot
                required property int group

                readonly property int trayIndex: place === "done" ? 0 : place === "cancelled" ? 1 : 2
                readonly property real trayWidth: (trays.width - 20) / 3
                readonly property int trayColumns: Math.max(1, Math.floor((trayWidth - 8) / (Theme.smallCardWidth + 4)))
                compactWidth: Math.min(Theme.smallCardWidth, trayWidth - 16)

                required property int taskId
                required property bool shown
                // What fits is shown; the rest of a place is the count in its label.
                visible: shown && (compact ? slot < trayColumns * trays.rows
                                   : place === "ready" ? slot < board.readySlots
                                   : place === "waiting" ? group < board.groupColumns : true)
                compact: place === "done" || place === "cancelled" || place === "failed"
                selected: view.selectedTask === taskId
                onClicked: view.taskPicked(view.selectedTask === taskId ? 0 : taskId)
                current: place === "running"
                x: place === "running" || place === "ready" ? view.labelWidth + (place === "ready" ? slot * view.slotStep : 0)
                   : place === "waiting" ? view.labelWidth + group * (Theme.cardWidth + 16)
                   : trays.x + trayIndex * (trayWidth + 10) + 8 + (slot % trayColumns) * (compactWidth + 4)
                y: place === "running" ? runningRow.y + 5
                   : place === "ready" ? readyRow.y + 5
                   : place === "waiting" ? waitingArea.y + 22 + slot * (Theme.cardHeight + 6)
                   : trays.y + 24 * Theme.scale + Math.floor(slot / trayColumns) * (Theme.smallCardHeight + 4)
                Behavior on x { enabled: view.animated; NumberAnimation { duration: Theme.moveDuration; easing.type: Easing.InOutCubic } }
                Behavior on y { enabled: view.animated; NumberAnimation { duration: Theme.moveDuration; easing.type: Easing.InOutCubic } }
            }
        }
    
        // --- cancellation, animated (UI.md): the shock travels from the canceller down to the
        // task it cancels; CancelledError climbs back from each cancelled task to the one that
        // awaited it, level by level as the trace delivers it. Played once as the playhead moves
        // forward over the events (LoopStage.cancelMoments); still pictures leave them out.
        Connections {
            target: view.stage
            enabled: view.animated
            function onChanged() {
                const moments = view.stage.cancelMoments
                for (let i = 0; i < moments.length; ++i)
                    board.launchCancelFlight(moments[i])
            }
        }
        function cardOf(taskId) {
            for (let i = 0; i < cards.count; ++i) {
                const card = cards.itemAt(i)
                if (card !== null && card.taskId === taskId)
                    return card
            }
            return null
        }
        function launchCancelFlight(moment) {
            const target = cardOf(moment.to)
            if (target === null || !target.visible)
                return
            const source = moment.from !== 0 ? cardOf(moment.from) : null
            // A request from outside any task (a timeout, asyncio.run's clean-up) comes from the loop.
            const loopPoint = ring.mapToItem(board, ring.width, ring.height / 2)
            cancelFlight.createObject(board, {
                kind: moment.kind,
                source: source !== null && source.visible ? source : null,
                target: target,
                fromPoint: moment.kind === "request" ? loopPoint
                                                     : Qt.point(target.x + target.width / 2, target.y + target.height / 2)
            })
        }
        Component {
            id: cancelFlight
            Item {
                id: flight
                property string kind: "request"
                property Item source: null
                property Item target: null
                property point fromPoint
                property real progress: 0
                property real ripple: 0
                readonly property bool climbing: kind !== "request"
                readonly property real sx: source !== null ? source.x + source.width / 2 : fromPoint.x
                readonly property real sy: source !== null ? source.y + source.height / 2 : fromPoint.y
                readonly property real tx: target !== null ? target.x + target.width / 2 : sx
                readonly property real ty: target !== null ? target.y + target.height / 2 : sy
                readonly property real cx: sx + (tx - sx) * progress
                readonly property real cy: sy + (ty - sy) * progress
                readonly property color tint: climbing ? "#b4541a" : Theme.cancelled
                anchors.fill: parent
                z: 40

                // The path so far, from where it set out to where it is.
                Rectangle {
                    readonly property real length: Math.hypot(flight.cx - flight.sx, flight.cy - flight.sy)
                    visible: length > 2
                    x: flight.sx
                    y: flight.sy - 1.5
                    width: length
                    height: 3
                    radius: 1.5
                    color: flight.tint
                    opacity: 0.6 * (1 - flight.ripple)
                    transformOrigin: Item.Left
                    rotation: Math.atan2(flight.cy - flight.sy, flight.cx - flight.sx) * 180 / Math.PI
                }
                // The shock wave on arrival.
                Rectangle {
                    width: (flight.target !== null ? flight.target.width : 60) * (1 + flight.ripple * 0.4)
                    height: (flight.target !== null ? flight.target.height : 30) * (1 + flight.ripple * 0.6)
                    x: flight.tx - width / 2
                    y: flight.ty - height / 2
                    radius: Theme.radius + 4
                    color: "transparent"
                    border.color: flight.tint
                    border.width: 3
                    opacity: flight.ripple > 0 ? 1 - flight.ripple : 0
                }
                Rectangle {
                    x: flight.cx - width / 2
                    y: flight.cy - height / 2
                    width: badgeText.implicitWidth + 12
                    height: 20
                    radius: 10
                    color: flight.tint
                    border.color: "white"
                    opacity: 1 - flight.ripple
                    Text {
                        id: badgeText
                        anchors.centerIn: parent
                        text: flight.kind === "request" ? "⊘ cancel()" : flight.kind === "delivered"
                              ? (flight.source !== null ? "CancelledError ↑" : "CancelledError")
                              : "⊘ cancelled"
                        color: "white"
                        font.pixelSize: Theme.tinySize
                        font.bold: true
                    }
                }
                SequentialAnimation {
                    running: true
                    NumberAnimation {
                        target: flight; property: "progress"; from: 0; to: 1
                        duration: flight.source !== null || flight.kind === "request" ? 650 : 1
                        easing.type: Easing.InOutQuad
                    }
                    NumberAnimation { target: flight; property: "ripple"; from: 0; to: 1; duration: 450 }
                    ScriptAction { script: flight.destroy() }
                }
            }
        }
}

    // --- the side column: timers, primitives, threads ----------------------------------------
    Column {
        id: side
        x: view.width - view.sideWidth - 12
        y: 12
        width: view.sideWidth
        height: (inspector.visible ? inspector.y : view.height) - y - 8
        clip: true
        spacing: 6

        SectionLabel {
            // Short enough for the side column: past the rows shown, the header gives the total.
            text: "TIMERS by deadline" + (view.stage.timerCount > view.stage.timers.count
                                          ? " · " + view.stage.timerCount + " armed" : "")
        }
        Text {
            visible: view.stage.timers.count === 0
            text: "none armed"
            color: Theme.faintInk
            font.pixelSize: Theme.tinySize + 1
        }
        Repeater {
            id: timerRows
            model: view.stage.timers
            delegate: Item {
                required property string title
                required property real hue
                required property real deadlineSeconds
                required property real armedSeconds
                // Counted from the player's clock, which moves on between events: the pie
                // empties and lateness grows while playback crosses a sleep or a blocked loop.
                readonly property real remainingSeconds: deadlineSeconds - view.stage.clockSeconds
                readonly property real fraction:
                    Math.max(0, Math.min(1, remainingSeconds / Math.max(1e-9, deadlineSeconds - armedSeconds)))
                width: side.width
                height: 30
                Rectangle {
                    id: countdown
                    width: 24
                    height: 24
                    radius: 12
                    anchors.verticalCenter: parent.verticalCenter
                    color: "transparent"
                    border.color: Theme.timer
                    border.width: 2
                    // The pie empties as the deadline nears.
                    Rectangle {
                        anchors.centerIn: parent
                        width: 18 * fraction + 2
                        height: width
                        radius: width / 2
                        color: remainingSeconds < 0 ? Theme.failed : Theme.timer
                    }
                }
                Column {
                    anchors { left: countdown.right; leftMargin: 8; right: parent.right; verticalCenter: parent.verticalCenter }
                    // The title alone on its line: a worker thread's sleep is named at length
                    // ("compress_archive's time.sleep(2)"), and eliding it must not hide the time.
                    Text {
                        width: parent.width
                        elide: Text.ElideRight
                        text: title
                        color: Theme.taskColour(hue)
                        font.pixelSize: Theme.tinySize + 1
                    }
                    Text {
                        text: (remainingSeconds >= 0 ? "in " + remainingSeconds.toFixed(3) + " s"
                                                     : "late by " + (-remainingSeconds).toFixed(3) + " s")
                              + " · due " + deadlineSeconds.toFixed(3) + " s"
                        color: remainingSeconds < 0 ? Theme.failed : Theme.quietInk
                        font.pixelSize: Theme.tinySize
                        font.family: Theme.monospace
                    }
                }
            }
        }

        Item { width: 1; height: 6 }
        SectionLabel { text: "PRIMITIVES"; visible: view.stage.primitives.count > 0 }
        Repeater {
            id: primitiveRows
            model: view.stage.primitives
            delegate: Rectangle {
                required property string title
                required property string detail
                required property string ownerName
                required property var waiters
                required property int waiterCount
                width: side.width
                height: primitiveColumn.implicitHeight + 10
                radius: Theme.radius
                color: Theme.subtle
                border.color: Theme.panelEdge
                Column {
                    id: primitiveColumn
                    x: 8
                    y: 5
                    width: parent.width - 16
                    spacing: 3
                    Text {
                        text: "▣ " + title + " — " + detail + (ownerName.length > 0 ? " (held by " + ownerName + ")" : "")
                        width: parent.width
                        elide: Text.ElideRight
                        color: Theme.ink
                        font.pixelSize: Theme.tinySize + 1
                    }
                    Flow {
                        width: parent.width
                        spacing: 4
                        Text {
                            visible: waiters.length === 0
                            text: "no waiters"
                            color: Theme.faintInk
                            font.pixelSize: Theme.tinySize
                        }
                        Text {
                            visible: waiterCount > waiters.length
                            text: waiterCount + " waiting:"
                            color: Theme.quietInk
                            font.pixelSize: Theme.tinySize
                        }
                        Repeater {
                            model: waiters
                            delegate: Rectangle {
                                required property var modelData
                                width: waiterName.implicitWidth + 10
                                height: 18
                                radius: 4
                                color: Theme.taskTint(modelData.hue)
                                border.color: Theme.taskColour(modelData.hue)
                                opacity: modelData.woken ? 0.5 : 1
                                Text {
                                    id: waiterName
                                    anchors.centerIn: parent
                                    text: (modelData.role === 1 ? "get " : modelData.role === 2 ? "put " : modelData.role === 3 ? "join " : "") + modelData.name
                                    color: Theme.ink
                                    font.pixelSize: Theme.tinySize
                                }
                            }
                        }
                    }
                }
            }
        }

        Item { width: 1; height: 6 }
        SectionLabel { text: "THREADS (executor)"; visible: view.stage.jobs.count > 0 }
        Repeater {
            model: view.stage.jobs
            delegate: Text {
                required property string label
                required property int worker
                required property string status
                text: (status === "running" ? "worker-" + worker + " ██ " : "queued ░ ") + label
                color: Theme.ink
                font.pixelSize: Theme.tinySize + 1
            }
        }
    }

    // --- the inspector: the selected task ---------------------------------------------------
    Rectangle {
        id: inspector
        objectName: "inspector"
        visible: view.inspectorVisible
        x: side.x
        width: view.sideWidth
        height: inspectorText.implicitHeight + 34
        y: view.height - height - 12
        radius: Theme.radius
        color: Theme.subtle
        border.color: Theme.panelEdge
        SectionLabel { x: 8; y: 6; text: "INSPECTOR" }
        Text {
            id: inspectorText
            x: 8
            y: 24
            width: parent.width - 16
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            color: Theme.ink
            font.pixelSize: Theme.tinySize + 1
            text: {
                if (view.selectedTask === 0 || view.selectedField("name") === undefined)
                    return "Click a task card to inspect it."
                const lines = [
                    view.selectedField("name") + " — " + view.selectedField("coroutine"),
                    "state: " + view.selectedField("status"),
                ]
                const awaiting = view.selectedField("awaitText")
                if (awaiting.length > 0) lines.push("awaiting: " + awaiting)
                const parent = view.selectedField("parentName")
                lines.push("created by: " + (parent.length > 0 ? parent : "top level"))
                lines.push("steps so far: " + view.selectedField("steps"))
                const cancels = view.selectedField("cancelRequests")
                const cancelledBy = view.selectedField("cancelledBy")
                if (cancels > 0) lines.push("cancel requests: " + cancels)
                if (cancelledBy.length > 0) lines.push("cancel requested by: " + cancelledBy)
                const outcome = view.selectedField("outcome")
                if (outcome.length > 0) lines.push("outcome: " + outcome)
                return lines.join("\n")
            }
        }
    }
}
