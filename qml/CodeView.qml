// The code pane: an editor for the script (docs/APP.md, "Editing"), with the run drawn over it.
//
// The text comes from the ScriptDocument (a lesson, a file or an untitled buffer), which keeps
// every edit: a lesson's edits in the user's copy, a file's in a recovery file until it is saved.
// A built-in scenario's code (the C++ scenario's Python twin) is shown read-only.
//
// Over the text: each unfinished task's current line is banded in its colour, with a tag in the
// right-hand gutter (solid while it runs, hollow while suspended; never over the code); the
// error's line is banded in red and its column underlined. Once the user edits, those marks
// refer to the old text: they fade until the next run.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Loopscope
import Loopscope.Native 1.0

Rectangle {
    id: view

    // The engine's source: shown (read-only) when the run is not the document's (a built-in
    // scenario).
    property string source
    // The edited document (null: a read-only viewer of `source`).
    property ScriptDocument document: null
    // True when the run shown is the document's script: the pane edits the document.
    property bool editable: false
    property string error
    // The script's line the error happened on (0: none): banded in red and scrolled to.
    property int errorLine: 0
    // The column, from the message ("line 5, column 9: ..."); 0 when it names none.
    readonly property int errorColumn: {
        const match = /^line \d+, column (\d+):/.exec(error)
        return match ? parseInt(match[1]) : 0
    }
    // The line shown at the top when a source is loaded (a lesson's code after its docstring).
    property int firstLine: 1
    // The stage's tasks: each unfinished task with a `line` gets a marker there, solid while it
    // runs, hollow while it is suspended.
    property var tasks
    property bool animated: true
    // The user typed since the run started: the run's marks are about another text.
    property bool editedSinceRun: false
    readonly property alias editor: codeText
    readonly property alias findOpen: findBar.visible

    // Run this file (after Open, New or Reset): the window hands it to the engine.
    signal runRequested(string path)

    radius: Theme.radius
    color: Theme.code

    // A new run: its marks describe the text as it is now.
    function markRun() { editedSinceRun = false }

    // The text shown; `loading` keeps the change from counting as an edit.
    property bool loading: false
    function showText(text) {
        loading = true
        codeText.text = text
        loading = false
        editedSinceRun = false
        Qt.callLater(() => {
            view.scrollToLine(view.firstLine)
            if (view.errorLine > 0) view.scrollToErrorLine()
        })
    }
    function refreshText() {
        if (editable && document) showText(document.text)
        else showText(source.length > 0 ? source : "# no source to show")
    }
    onSourceChanged: if (!editable) refreshText()
    onEditableChanged: refreshText()
    Component.onCompleted: refreshText()
    Connections {
        target: view.document
        function onLoaded() { if (view.editable) view.refreshText() }
    }
    onFirstLineChanged: Qt.callLater(() => view.scrollToLine(view.firstLine))
    onErrorLineChanged: if (errorLine > 0) Qt.callLater(view.scrollToErrorLine)
    onErrorColumnChanged: if (errorLine > 0) Qt.callLater(view.scrollToErrorLine)

    // --- geometry of lines ---
    // No wrapping and one font: every line is as tall as the others.
    readonly property real lineHeight: codeText.lineCount > 0 ? codeText.contentHeight / codeText.lineCount : 16
    function lineTop(line) { return Math.max(line - 1, 0) * lineHeight }
    // The text position of `column` (1-based) on `line`.
    function positionOf(line, column) {
        const text = codeText.text
        let at = 0
        for (let l = 1; l < line; ++l) {
            const next = text.indexOf("\n", at)
            if (next < 0) return text.length
            at = next + 1
        }
        const end = text.indexOf("\n", at)
        return Math.min(at + Math.max(column - 1, 0), end < 0 ? text.length : end, codeText.length)
    }
    function scrollToLine(line) {
        flick.contentX = 0
        flick.contentY = Math.max(0, Math.min(lineTop(line), flick.contentHeight - flick.height))
    }
    function scrollToErrorLine() {
        const top = lineTop(errorLine)
        if (top < flick.contentY || top > flick.contentY + flick.height - 20)
            flick.contentY = Math.max(0, Math.min(top - flick.height / 3, flick.contentHeight - flick.height))
        // The column too, when it is right of what shows.
        if (errorColumn > 0) {
            const x = codeText.positionToRectangle(positionOf(errorLine, errorColumn)).x
            if (x + 40 > flick.contentX + flick.width)
                flick.contentX = Math.min(x + 40 - flick.width, flick.contentWidth - flick.width)
        }
    }
    function ensureVisible(rect) {
        if (rect.y < flick.contentY) flick.contentY = rect.y
        else if (rect.y + rect.height > flick.contentY + flick.height)
            flick.contentY = rect.y + rect.height - flick.height
        if (rect.x < flick.contentX) flick.contentX = Math.max(0, rect.x - 20)
        else if (rect.x + 8 > flick.contentX + flick.width) flick.contentX = rect.x + 8 - flick.width
    }

    // --- editing helpers (Tab, Shift+Tab, Enter) ---
    readonly property string indentUnit: "    "
    function lineStartOf(position) {
        return codeText.text.lastIndexOf("\n", position - 1) + 1
    }
    function insertAtCursor(text) {
        if (codeText.selectedText.length > 0) codeText.remove(codeText.selectionStart, codeText.selectionEnd)
        const at = codeText.cursorPosition
        codeText.insert(at, text)
        codeText.cursorPosition = at + text.length
    }
    // Enter keeps the line's indentation, one more level after a line ending in `:`.
    function newLine() {
        const at = codeText.cursorPosition
        const before = codeText.text.substring(lineStartOf(at), at)
        let indent = /^[ \t]*/.exec(before)[0]
        if (/:\s*(#.*)?$/.test(before)) indent += indentUnit
        insertAtCursor("\n" + indent)
    }
    // The lines the selection touches, as [first line start, end of the last line].
    function selectedLines() {
        const text = codeText.text
        const start = lineStartOf(codeText.selectionStart)
        let endPos = codeText.selectionEnd
        if (endPos > start && text[endPos - 1] === "\n") endPos -= 1
        let end = text.indexOf("\n", endPos)
        if (end < 0) end = text.length
        return [start, end]
    }
    function replaceLines(range, lines) {
        const replacement = lines.join("\n")
        codeText.remove(range[0], range[1])
        codeText.insert(range[0], replacement)
        codeText.select(range[0], range[0] + replacement.length)
    }
    function indentSelection() {
        const range = selectedLines()
        replaceLines(range, codeText.text.substring(range[0], range[1]).split("\n")
                     .map(line => line.length > 0 ? indentUnit + line : line))
    }
    function dedentSelection() {
        const hadSelection = codeText.selectedText.length > 0
        const cursor = codeText.cursorPosition
        const range = selectedLines()
        const lines = codeText.text.substring(range[0], range[1]).split("\n")
        const removed = /^ {0,4}/.exec(lines[0])[0].length
        replaceLines(range, lines.map(line => line.replace(/^ {1,4}|^\t/, "")))
        if (!hadSelection) codeText.cursorPosition = Math.max(range[0], cursor - removed)
    }

    // --- find ---
    property var matches: []      // start positions of the find text
    property int matchIndex: -1
    function updateMatches() {
        const needle = findField.text
        const found = []
        if (needle.length > 0) {
            const haystack = codeText.text.toLowerCase()
            const wanted = needle.toLowerCase()
            let at = haystack.indexOf(wanted)
            while (at >= 0 && found.length < 1000) {
                found.push(at)
                at = haystack.indexOf(wanted, at + wanted.length)
            }
        }
        matches = found
        if (matchIndex >= found.length) matchIndex = found.length - 1
    }
    function findNext(step) {
        updateMatches()
        if (matches.length === 0) { matchIndex = -1; return }
        const from = codeText.selectionEnd
        if (matchIndex < 0 || step === 0) {
            matchIndex = matches.findIndex(at => at >= codeText.selectionStart)
            if (matchIndex < 0) matchIndex = 0
        } else {
            matchIndex = (matchIndex + step + matches.length) % matches.length
        }
        const at = matches[matchIndex]
        codeText.select(at, at + findField.text.length)
        view.ensureVisible(codeText.positionToRectangle(at))
    }
    function openFind() {
        findBar.visible = true
        if (codeText.selectedText.length > 0 && !/[\n\u2029]/.test(codeText.selectedText))
            findField.text = codeText.selectedText
        findField.selectAll()
        findField.forceActiveFocus()
        updateMatches()
    }
    function closeFind() {
        findBar.visible = false
        matches = []
        matchIndex = -1
        codeText.forceActiveFocus()
    }

    Shortcut { sequence: "Ctrl+F"; enabled: view.visible; onActivated: view.openFind() }
    Shortcut { sequence: "F3"; enabled: findBar.visible; onActivated: view.findNext(1) }
    Shortcut { sequence: "Shift+F3"; enabled: findBar.visible; onActivated: view.findNext(-1) }
    Shortcut { sequence: "Ctrl+O"; enabled: view.document !== null; onActivated: openDialog.open() }
    Shortcut { sequence: "Ctrl+S"; enabled: view.document !== null; onActivated: view.save() }
    Shortcut { sequence: "Ctrl+Shift+S"; enabled: view.document !== null; onActivated: saveDialog.open() }
    Shortcut { sequence: "Ctrl+N"; enabled: view.document !== null; onActivated: view.newUntitled() }

    function save() {
        if (!document.save()) saveDialog.open()  // untitled: ask for a name
    }
    function newUntitled() {
        document.openUntitled()
        view.runRequested(document.runPath)
    }
    function openFile(path) {
        const run = document.open(path)
        if (run.length > 0) view.runRequested(run)
    }

    // --- header: what is open, its state, the file menu ---
    Row {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 10 }
        height: fileButton.implicitHeight
        spacing: 8
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: "CODE"
            color: Theme.faintInk
            font.pixelSize: Theme.tinySize
            font.bold: true
            font.letterSpacing: 1
        }
        Text {
            id: stateText
            anchors.verticalCenter: parent.verticalCenter
            width: Math.max(0, header.width - x - resetButton.width - fileButton.width - 2 * header.spacing)
            elide: Text.ElideMiddle
            color: Theme.faintInk
            font.pixelSize: Theme.tinySize
            visible: view.editable && view.document !== null
            text: {
                const doc = view.document
                if (!doc) return ""
                let words = doc.displayName
                if (doc.kind === "lesson") words += doc.changedFromOriginal ? "  ✎ your copy" : "  (bundled)"
                else if (doc.kind === "untitled") words += "  (untitled)"
                if (doc.autosavePending) words += " · saving…"
                else if (doc.unsaved && doc.kind === "file") words += " · unsaved (Ctrl+S)"
                else if (view.editedSinceRun) words += " · saved"
                return words
            }
        }
        Button {
            id: resetButton
            visible: view.editable && view.document !== null && view.document.changedFromOriginal
            width: visible ? implicitWidth : 0
            height: fileButton.height
            flat: true
            palette.buttonText: Theme.codeInk
            font.pixelSize: Theme.tinySize
            text: "↺ Reset"
            onClicked: resetDialog.open()
            ToolTip.visible: hovered
            ToolTip.text: "Reset to original: throw away your copy of this lesson"
        }
        Button {
            id: fileButton
            visible: view.document !== null
            flat: true
            palette.buttonText: Theme.codeInk
            font.pixelSize: Theme.tinySize
            text: "File ▾"
            onClicked: fileMenu.popup(fileButton, 0, fileButton.height)
            Menu {
                id: fileMenu
                MenuItem { text: "New (Ctrl+N)"; onTriggered: view.newUntitled() }
                MenuItem { text: "Open… (Ctrl+O)"; onTriggered: openDialog.open() }
                Menu {
                    id: recentMenu
                    title: "Recent files"
                    enabled: view.document !== null && view.document.recentFiles.length > 0
                    Instantiator {
                        model: view.document ? view.document.recentFiles : []
                        delegate: MenuItem {
                            required property string modelData
                            text: modelData.split("/").pop() + "  —  " + modelData
                            onTriggered: view.openFile(modelData)
                        }
                        onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                        onObjectRemoved: (index, object) => recentMenu.removeItem(object)
                    }
                }
                MenuSeparator {}
                MenuItem { text: "Save (Ctrl+S)"; enabled: view.editable; onTriggered: view.save() }
                MenuItem { text: "Save as… (Ctrl+Shift+S)"; enabled: view.editable; onTriggered: saveDialog.open() }
                MenuSeparator {}
                MenuItem { text: "Find (Ctrl+F)"; onTriggered: view.openFind() }
                MenuItem {
                    text: "Reset to original…"
                    enabled: view.editable && view.document !== null && view.document.changedFromOriginal
                    onTriggered: resetDialog.open()
                }
            }
        }
    }

    // A sentence from the document: restored text after a crash, a save that failed.
    Rectangle {
        id: banner
        anchors { left: parent.left; right: parent.right; top: header.bottom; margins: 10; topMargin: 4 }
        visible: view.document !== null && view.document.notice.length > 0
        height: visible ? bannerText.implicitHeight + 10 : 0
        radius: 4
        color: "#fff4c2"
        Text {
            id: bannerText
            anchors { left: parent.left; right: closeBanner.left; verticalCenter: parent.verticalCenter; leftMargin: 8 }
            text: view.document ? view.document.notice : ""
            wrapMode: Text.WordWrap
            color: Theme.ink
            font.pixelSize: Theme.smallSize
        }
        Text {
            id: closeBanner
            anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: 8 }
            text: "✕"
            color: Theme.quietInk
            font.pixelSize: Theme.smallSize
            MouseArea { anchors.fill: parent; anchors.margins: -4; onClicked: view.document.dismissNotice() }
        }
    }

    // Ctrl+F: find in the text; Enter / F3 next, Shift+Enter / Shift+F3 previous, Esc closes.
    Rectangle {
        id: findBar
        anchors { left: parent.left; right: parent.right; top: banner.bottom; margins: 10; topMargin: 4 }
        visible: false
        height: visible ? findField.implicitHeight + 8 : 0
        radius: 4
        color: "#2f363d"
        Row {
            anchors { fill: parent; margins: 4 }
            spacing: 4
            TextField {
                id: findField
                width: parent.width - countText.width - 3 * 28 - 4 * parent.spacing
                placeholderText: "Find"
                font.pixelSize: Theme.smallSize
                onTextChanged: { view.matchIndex = -1; view.findNext(0) }
                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                        view.findNext(event.modifiers & Qt.ShiftModifier ? -1 : 1)
                        event.accepted = true
                    } else if (event.key === Qt.Key_Escape) {
                        view.closeFind()
                        event.accepted = true
                    }
                }
                Keys.onShortcutOverride: (event) => event.accepted = (event.key === Qt.Key_Escape
                                                                       || (event.modifiers & (Qt.ControlModifier | Qt.AltModifier)) === 0)
            }
            Text {
                id: countText
                anchors.verticalCenter: parent.verticalCenter
                width: 54
                horizontalAlignment: Text.AlignHCenter
                text: view.matches.length === 0 ? (findField.text.length > 0 ? "none" : "")
                                                : (view.matchIndex + 1) + "/" + view.matches.length
                color: Theme.codeInk
                font.pixelSize: Theme.tinySize
            }
            Button { width: 28; height: findField.height; text: "↑"; onClicked: view.findNext(-1) }
            Button { width: 28; height: findField.height; text: "↓"; onClicked: view.findNext(1) }
            Button { width: 28; height: findField.height; text: "✕"; onClicked: view.closeFind() }
        }
    }

    // The task tags, right of the code (a tag never covers the text).
    readonly property int tagGutterWidth: view.tasks ? Math.round(74 * Theme.scale) : 0
    // How wide the pane would be with every line whole: line numbers, the longest line, the
    // task tags and the margins (the window offers it as the default width, room permitting).
    readonly property real idealWidth: 10 + gutter.width + codeText.implicitWidth + 12 + 10 +
                                       view.tagGutterWidth

    Flickable {
        id: flick
        anchors { left: parent.left; right: parent.right; top: findBar.bottom; bottom: errorText.visible ? errorText.top : parent.bottom
                  leftMargin: 10 + gutter.width; topMargin: 6; bottomMargin: 10; rightMargin: 10 + view.tagGutterWidth }
        contentWidth: Math.max(width, codeText.implicitWidth + 12)
        contentHeight: Math.max(height, codeText.implicitHeight)
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        ScrollBar.horizontal: ScrollBar {}

        // Beneath the text: each task's line band (the tags are in the gutter), the error's line.
        Item {
            id: bands
            width: flick.contentWidth
            height: flick.contentHeight
            opacity: view.editedSinceRun ? 0.3 : 1
            Behavior on opacity { enabled: view.animated; NumberAnimation { duration: 200 } }

            Rectangle {
                objectName: "errorBand"
                visible: view.errorLine > 0 && view.error.length > 0
                y: view.lineTop(view.errorLine)
                width: parent.width
                height: view.lineHeight
                color: "#ff6b6b"
                opacity: 0.25
            }
            Repeater {
                model: view.tasks
                delegate: Rectangle {
                    required property int line
                    required property int lineRank
                    required property string status
                    required property real hue
                    visible: line > 0 && lineRank === 0
                    y: view.lineTop(line)
                    width: parent.width
                    height: view.lineHeight
                    color: Theme.taskColour(hue)
                    opacity: status === "running" ? 0.28 : 0.10
                    Behavior on y { enabled: view.animated; NumberAnimation { duration: Theme.moveDuration } }
                }
            }
            // Find matches.
            Repeater {
                model: findBar.visible ? view.matches : []
                delegate: Rectangle {
                    required property int modelData
                    required property int index
                    readonly property rect start: codeText.positionToRectangle(Math.min(modelData, codeText.length))
                    readonly property rect end: codeText.positionToRectangle(Math.min(modelData + findField.text.length, codeText.length))
                    x: start.x
                    y: start.y
                    width: Math.max(2, end.x - start.x)
                    height: start.height
                    radius: 2
                    color: index === view.matchIndex ? "#f0b429" : "#806a4a"
                    opacity: index === view.matchIndex ? 0.7 : 0.5
                }
            }
        }

        TextEdit {
            id: codeText
            objectName: "codeEditor"
            width: Math.max(implicitWidth, flick.width)
            height: Math.max(implicitHeight, flick.height)
            readOnly: !view.editable
            selectByMouse: true
            persistentSelection: true
            textFormat: TextEdit.PlainText
            wrapMode: TextEdit.NoWrap
            color: Theme.codeInk
            selectionColor: "#3d5a80"
            selectedTextColor: Theme.codeInk
            font.family: Theme.monospace
            font.pixelSize: Theme.bodySize
            tabStopDistance: 4 * fontMetrics.averageCharacterWidth
            FontMetrics { id: fontMetrics; font: codeText.font }

            onTextChanged: {
                if (view.loading || !view.editable || !view.document) return
                view.editedSinceRun = true
                view.document.edit(text)
                if (findBar.visible) view.updateMatches()
            }
            onCursorRectangleChanged: if (activeFocus) view.ensureVisible(cursorRectangle)

            // Editing keys win over the window's one-key shortcuts (Space, W, A, S, D, ...).
            Keys.onShortcutOverride: (event) => {
                const mods = event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)
                event.accepted = !readOnly && (mods === 0 || (mods === Qt.ControlModifier
                    && [Qt.Key_Left, Qt.Key_Right, Qt.Key_Home, Qt.Key_End, Qt.Key_Z, Qt.Key_Y,
                        Qt.Key_A, Qt.Key_C, Qt.Key_V, Qt.Key_X, Qt.Key_Backspace, Qt.Key_Delete]
                        .includes(event.key)))
                    && event.key !== Qt.Key_F11 && event.key !== Qt.Key_F3
            }
            Keys.onPressed: (event) => {
                if (readOnly) return
                const ctrl = (event.modifiers & Qt.ControlModifier) !== 0
                const shift = (event.modifiers & Qt.ShiftModifier) !== 0
                if (event.key === Qt.Key_Tab && !ctrl) {
                    if (selectedText.indexOf("\n") >= 0 || selectedText.indexOf("\u2029") >= 0) view.indentSelection()
                    else view.insertAtCursor(view.indentUnit)
                    event.accepted = true
                } else if (event.key === Qt.Key_Backtab) {
                    view.dedentSelection()
                    event.accepted = true
                } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && !ctrl) {
                    view.newLine()
                    event.accepted = true
                } else if (ctrl && (event.key === Qt.Key_Y || (event.key === Qt.Key_Z && shift))) {
                    redo()
                    event.accepted = true
                } else if (ctrl && event.key === Qt.Key_Z) {
                    undo()
                    event.accepted = true
                } else if (event.key === Qt.Key_Escape) {
                    if (findBar.visible) view.closeFind()
                    else codeText.focus = false
                    event.accepted = true
                }
            }

            PythonHighlighter {
                id: highlighter
                document: codeText.textDocument
            }
        }

        // Above the text: the error's column, underlined (the token that starts there).
        Rectangle {
            id: errorUnderline
            objectName: "errorUnderline"
            visible: view.errorLine > 0 && view.errorColumn > 0 && view.error.length > 0
            readonly property int at: visible ? view.positionOf(view.errorLine, view.errorColumn) : 0
            readonly property int tokenEnd: {
                if (!visible) return 0
                const text = codeText.text
                let end = at
                while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) ++end
                return Math.max(end, at + 1)
            }
            readonly property rect startRect: { codeText.text; return codeText.positionToRectangle(Math.min(at, codeText.length)) }
            readonly property rect endRect: { codeText.text; return codeText.positionToRectangle(Math.min(tokenEnd, codeText.length)) }
            x: startRect.x
            y: startRect.y + startRect.height - 2
            width: Math.max(6, endRect.x - startRect.x)
            height: 3
            radius: 1
            color: "#ff6b6b"
            opacity: view.editedSinceRun ? 0.3 : 1
            // A caret under the column, as the traceback draws it.
            Text {
                x: -width / 2 + 3
                y: 1
                text: "▲"
                color: "#ff6b6b"
                font.pixelSize: Theme.tinySize - 2
            }
        }
    }

    // Line numbers, left of the code: they scroll up and down with it, never sideways.
    Item {
        anchors { top: flick.top; bottom: flick.bottom; left: parent.left; leftMargin: 10 }
        width: gutter.width
        clip: true
        Text {
            id: gutter
            y: -flick.contentY
            width: Math.max(28, implicitWidth) + 10
            rightPadding: 10
            horizontalAlignment: Text.AlignRight
            color: Theme.faintInk
            font.family: Theme.monospace
            font.pixelSize: Theme.bodySize
            lineHeightMode: Text.FixedHeight
            lineHeight: view.lineHeight
            text: {
                const numbers = []
                for (let i = 1; i <= Math.max(1, codeText.lineCount); ++i) numbers.push(i)
                return numbers.join("\n")
            }
        }
    }

    // The task tags, in the gutter right of the code, on their lines.
    Item {
        id: tagGutter
        anchors { top: flick.top; bottom: flick.bottom; right: parent.right; rightMargin: 6 }
        width: view.tagGutterWidth - 4
        clip: true
        opacity: view.editedSinceRun ? 0.3 : 1

        Repeater {
            model: view.tasks
            delegate: Rectangle {
                id: marker
                required property int line
                required property int lineRank
                required property string status
                required property string name
                required property real hue
                readonly property bool current: status === "running"
                // At most three tags a line, stacked like cards: a crowd on one await shows
                // as a pile, not a row over the code.
                visible: line > 0 && lineRank < 3
                x: lineRank * 4
                y: view.lineTop(line) - flick.contentY + lineRank * 2
                z: -lineRank
                width: tagGutter.width - 8
                height: view.lineHeight - 2
                radius: 3
                color: current ? Theme.taskColour(hue) : Theme.code
                border.color: Theme.taskColour(hue)
                border.width: 1.5
                Behavior on y { enabled: view.animated && !flick.moving; NumberAnimation { duration: Theme.moveDuration } }
                Text {
                    anchors { fill: parent; leftMargin: 4; rightMargin: 4 }
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    text: (marker.current ? "● " : "○ ") + marker.name
                    color: marker.current ? "white" : Theme.taskColour(marker.hue)
                    font.pixelSize: Theme.tinySize
                    font.bold: true
                }
            }
        }
    }

    Text {
        id: errorText
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 10 }
        // No height binding: a wrapped Text's implicit height follows its width, and binding its
        // height to it loops. What sits above anchors to the text only while it shows.
        visible: view.error.length > 0
        text: view.error + (view.editedSinceRun ? "   (before your edits; Ctrl+R runs them)" : "")
        wrapMode: Text.WordWrap
        color: "#ff9b9b"
        font.pixelSize: Theme.smallSize
    }

    // --- dialogs ---
    FileDialog {
        id: openDialog
        title: "Open a Python script"
        fileMode: FileDialog.OpenFile
        nameFilters: ["Python scripts (*.py)", "All files (*)"]
        onAccepted: view.openFile(decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, "")))
    }
    FileDialog {
        id: saveDialog
        title: "Save the script as"
        fileMode: FileDialog.SaveFile
        defaultSuffix: "py"
        nameFilters: ["Python scripts (*.py)"]
        onAccepted: view.document.saveAs(selectedFile.toString())
    }
    Dialog {
        id: resetDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: "Reset to original?"
        standardButtons: Dialog.Ok | Dialog.Cancel
        Label {
            text: "Your changes to " + (view.document ? view.document.displayName : "") +
                  " will be thrown away\nand the lesson's own text comes back."
        }
        onAccepted: view.runRequested(view.document.resetToOriginal())
    }
}
