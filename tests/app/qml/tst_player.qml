// The player driven through the real window: stepping back restores exactly the stage that was
// shown, scrubbing shows the state of the event scrubbed to, and the transport answers the
// keyboard (docs/APP.md, Keyboard).
import QtQuick
import QtTest
import "AppWindow.js" as AppWindow

TestCase {
    id: test
    name: "Player"
    when: windowShown

    property var window: null

    function initTestCase() {
        harness.runScenario("gather")
        verify(player.count > 40)
        window = AppWindow.create(test, harness, engine, player, stage, checkpoints)
    }

    function cleanupTestCase() {
        if (window) window.destroy()
    }

    function init() {
        player.pause()
        player.seek(0)
        player.speed = 1
        window.granularity = "event"
    }

    function test_step_back_returns_exactly_the_previous_state() {
        const places = [0, 7, Math.floor(player.count / 2), player.count - 1]
        for (const at of places) {
            player.seek(at)
            const before = harness.snapshot()
            harness.key(window, "Right")
            compare(player.position, at + 1)
            verify(harness.snapshot() !== before, "the step changed nothing at " + at)
            harness.key(window, "Left")
            compare(player.position, at)
            compare(harness.snapshot(), before)
        }
        // And the same place reached from elsewhere shows the same stage.
        player.seek(places[2])
        const middle = harness.snapshot()
        player.seek(player.count)
        player.seek(3)
        player.seek(places[2])
        compare(harness.snapshot(), middle)
    }

    function test_step_back_by_each_unit_returns_to_the_start() {
        for (const unit of ["task step", "iteration", "line"]) {
            window.granularity = unit
            player.seek(0)
            const start = harness.snapshot()
            harness.key(window, "Right")
            verify(player.position > 0, unit)
            harness.key(window, "Left")
            compare(player.position, 0, unit)
            compare(harness.snapshot(), start, unit)
        }
    }

    function test_scrubbing_shows_that_events_state() {
        // The third task step to begin: after it, its task stands in the running slot.
        let begin = -1
        for (let i = 0; i < 3; ++i) begin = harness.findEvent("task-step-begin", begin + 1)
        verify(begin > 0)
        const name = harness.taskOfEvent(begin)
        verify(name.length > 0)

        // Scrub with the mouse: a click on the timeline seeks to where it was clicked.
        const timeline = AppWindow.findItem(window.contentItem,
                                            (item) => typeof item.xOfPosition === "function")
        verify(timeline !== null, "no timeline item")
        timeline.fitAll()
        mouseClick(timeline, timeline.xOfPosition(begin + 1) + 0.5, 4)
        verify(Math.abs(player.position - (begin + 1)) <= 1,
               "clicked near " + (begin + 1) + ", went to " + player.position)
        player.seek(begin + 1)

        verify(stage.runningLabel.indexOf(name) >= 0, stage.runningLabel + " is not " + name)
        let running = []
        for (let row = 0; row < stage.tasks.count; ++row) {
            if (stage.tasks.get(row, "place") === "running") running.push(stage.tasks.get(row, "name"))
        }
        compare(running, [name])
        // And the running slot on screen says so.
        const slot = AppWindow.findItem(window.contentItem, (item) =>
            item.visible && typeof item.text === "string" && item.text === stage.runningLabel)
        verify(slot !== null, "nothing on screen shows " + stage.runningLabel)
    }

    function test_transport_answers_the_keyboard() {
        harness.key(window, "Space")
        verify(player.playing)
        harness.key(window, "Space")
        verify(!player.playing)
        harness.key(window, "End")
        compare(player.position, player.count)
        harness.key(window, "Home")
        compare(player.position, 0)
        harness.key(window, "Ctrl+Right")
        compare(harness.findEvent("task-step-end", 0) + 1, player.position)
        harness.key(window, "Home")
        harness.key(window, "Shift+Right")
        compare(harness.findEvent("iteration", 0) + 1, player.position)
        harness.key(window, "Home")
        harness.key(window, "Ctrl+Shift+Right")
        compare(harness.findEvent("task-line", 0) + 1, player.position)
        harness.key(window, "Ctrl+Shift+Left")
        compare(player.position, 0)
        const speed = player.speed
        harness.key(window, "+")
        verify(player.speed > speed)
        harness.key(window, "-")
        compare(player.speed, speed)
    }
}
