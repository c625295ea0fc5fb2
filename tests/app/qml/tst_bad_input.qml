// Bad input in the real window (docs/LIMITS.md): a script that never ends leaves the window
// drawing and answering, and the Stop button ends it at once; a syntax error shows at its line
// and column in the editor and in the console; the editor's text is the user's, whatever the
// run did with it.
import QtQuick
import QtTest
import "AppWindow.js" as AppWindow

TestCase {
    id: test
    name: "BadInput"
    when: windowShown

    property var window: null
    property int frames: 0
    property int ticks: 0

    // While a run spins on the worker thread, the GUI thread must still run its timers and
    // draw: each tick asks for a frame, each frame is counted.
    Timer {
        id: ticker
        interval: 20
        repeat: true
        onTriggered: {
            test.ticks += 1
            if (test.window) test.window.update()
        }
    }
    Connections {
        target: test.window
        function onFrameSwapped() { test.frames += 1 }
    }

    function initTestCase() {
        harness.runScenario("hello")
        window = AppWindow.create(test, harness, engine, player, stage, checkpoints)
    }

    function cleanupTestCase() {
        engine.stop()
        tryVerify(() => !engine.running, 5000)
        if (window) window.destroy()
    }

    function dataPath(name) {
        return decodeURIComponent(Qt.resolvedUrl("data/" + name).toString().replace(/^file:\/\//, ""))
    }

    function test_a_runaway_keeps_the_window_drawing_and_stop_ends_it() {
        engine.runScript(dataPath("runaway.py"))
        tryVerify(() => engine.running, 5000, "the runaway never started")
        frames = 0
        ticks = 0
        ticker.start()
        wait(1000)
        ticker.stop()
        verify(engine.running, "the runaway ended by itself within a second")
        // At 20 ms a tick, a second is 50 ticks; a GUI thread kept busy by the run would give
        // a handful at most. (A loaded machine gives fewer than 50: 10 still tells the two
        // apart.)
        verify(ticks >= 10, "timers ran " + ticks + " times in a second")
        verify(frames >= 10, "the window drew " + frames + " frames in a second")

        const stop = AppWindow.findItem(window.contentItem, item => item.text === "■")
        verify(stop !== null && stop.enabled, "no enabled Stop button")
        const started = Date.now()
        mouseClick(stop)
        tryVerify(() => !engine.running, 2000, "Stop did not end the run")
        const took = Date.now() - started
        console.log("Stop ended the runaway after " + took + " ms")
        verify(took < 1000, "Stop took " + took + " ms")
        compare(engine.status, "stopped")
    }

    function test_a_syntax_error_shows_at_its_line_and_column() {
        harness.runData("syntax_error.py")
        compare(engine.status, "failed")
        compare(engine.errorLine, 7)
        verify(engine.error.indexOf("'(' was never closed") >= 0, engine.error)
        verify(engine.error.indexOf("column 10") >= 0, engine.error)

        const code = findChild(window.contentItem, "codeView")
        compare(code.errorLine, 7)
        compare(code.errorColumn, 10)
        verify(findChild(window.contentItem, "errorBand").visible, "the error line is not banded")
        verify(findChild(window.contentItem, "errorUnderline").visible,
               "the error column is not underlined")

        // The console says why the run failed, under what it printed.
        const consoleView = AppWindow.findItem(window.contentItem,
                                               item => item.failure !== undefined)
        verify(consoleView !== null, "no console")
        verify(consoleView.failure.indexOf("line 7, column 10") >= 0, consoleView.failure)
        verify(consoleView.failure.indexOf("'(' was never closed") >= 0, consoleView.failure)
    }

    // The broken script stays in the editor, as written, to be fixed there (typing, autosave
    // and recovery after a crash are editor_test's).
    function test_a_failed_run_keeps_the_script_in_the_editor() {
        harness.runData("syntax_error.py")
        const editor = findChild(window.contentItem, "codeEditor")
        verify(editor !== null)
        verify(editor.text.indexOf('    print("done"\n') >= 0, "the editor shows: " + editor.text)
        harness.runData("syntax_error.py")
        verify(editor.text.indexOf('    print("done"\n') >= 0, "a rerun changed the text")
    }
}
