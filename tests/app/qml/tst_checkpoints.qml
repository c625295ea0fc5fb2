// A lesson's checkpoints in the real window (data/checkpoint_lesson.py): playing through a
// pause halts there and opens the card, which takes an answer (mouse or keyboard), checks it
// against the trace, remembers it, and Continue (Enter) plays on. Scrubbing never asks.
import QtQuick
import QtTest
import "AppWindow.js" as AppWindow

TestCase {
    id: test
    name: "Checkpoints"
    when: windowShown

    property var window: null
    property var card: null
    readonly property string lesson: "checkpoint_lesson.py"

    function initTestCase() {
        harness.runData(lesson)
        compare(engine.status, "finished", engine.error)
        compare(checkpoints.count, 2)
        window = AppWindow.create(test, harness, engine, player, stage, checkpoints)
        card = findChild(window.contentItem, "checkpointCard")
        verify(card !== null)
    }

    function cleanupTestCase() {
        if (window) window.destroy()
    }

    function init() {
        // A test that failed half way may leave its card open; the next one starts clean.
        if (checkpoints.open) checkpoints.skip()
        player.pause()
        player.seek(0)
        checkpoints.enabled = true
        player.speed = 10
    }

    function pauseOf(index) {
        const position = checkpoints.items[index].position
        verify(position > 0, "checkpoint " + index + " has no pause")
        return position
    }

    function playUntilPaused() {
        player.play()
        tryVerify(() => !player.playing, 20000, "playback never stopped")
    }

    function test_1_playing_through_a_checkpoint_asks_and_checks_the_answer() {
        playUntilPaused()
        compare(player.position, pauseOf(0))
        verify(checkpoints.open)
        compare(checkpoints.checkpointId, "who-prints")
        verify(card.visible)
        compare(checkpoints.choices, ["start b", "start a", "done b"])

        // Alt+2 picks the second choice: right, and remembered.
        harness.key(window, "Alt+2")
        compare(checkpoints.verdict, "correct")
        compare(checkpoints.decided, "start a")
        const verdict = findChild(card, "checkpointVerdict")
        verify(verdict.visible && verdict.text.indexOf("Right") >= 0, verdict.text)
        compare(harness.storedAnswer(lesson, "who-prints"), "correct")
        compare(checkpoints.items[0].status, "correct")

        // Enter plays on, to the next checkpoint (the end), which wants a free answer.
        harness.key(window, "Return")
        verify(!checkpoints.open)
        tryVerify(() => !player.playing, 20000)
        compare(player.position, player.count)
        compare(checkpoints.checkpointId, "finished")
        const field = findChild(card, "checkpointFreeAnswer")
        verify(field.visible)
        // The field has just appeared: click it where it is drawn, once its layout settled.
        AppWindow.clickWhenSettled(test, field)
        tryVerify(() => field.activeFocus, 1000, "the answer field took no focus")
        harness.key(window, "2")
        harness.key(window, "Return")
        compare(checkpoints.given, "2")
        compare(checkpoints.verdict, "wrong")
        compare(checkpoints.decided, "3")
        compare(harness.storedAnswer(lesson, "finished"), "wrong")
        AppWindow.clickWhenSettled(test, findChild(card, "checkpointContinue"))
        verify(!checkpoints.open)
    }

    function test_2_a_wrong_choice_by_mouse_and_show_answer() {
        playUntilPaused()
        verify(checkpoints.open)
        AppWindow.clickWhenSettled(test, findChild(card, "checkpointChoice2"))  // "done b"
        compare(checkpoints.verdict, "wrong")
        compare(harness.storedAnswer(lesson, "who-prints"), "wrong")
        checkpoints.continuePlaying()
        tryVerify(() => !player.playing, 20000)
        // Show answer tells what the run decided without counting as an answer.
        AppWindow.clickWhenSettled(test, findChild(card, "checkpointShowAnswer"))
        compare(checkpoints.verdict, "shown")
        compare(checkpoints.decided, "3")
        compare(harness.storedAnswer(lesson, "finished"), "wrong")
    }

    function test_3_scrubbing_past_a_checkpoint_does_not_ask() {
        player.seek(pauseOf(0) + 3)
        player.seek(pauseOf(0))
        harness.key(window, "Right")
        harness.key(window, "Left")
        verify(!checkpoints.open)
        verify(!card.visible)
        // Playing on from the pause itself does not ask it again either.
        playUntilPaused()
        compare(checkpoints.checkpointId, "finished")
        checkpoints.skip()
        verify(!checkpoints.open)
    }

    function test_4_skip_plays_on_and_k_turns_checkpoints_off() {
        playUntilPaused()
        compare(checkpoints.checkpointId, "who-prints")
        AppWindow.clickWhenSettled(test, findChild(card, "checkpointSkip"))
        verify(!checkpoints.open)
        verify(player.playing)
        player.pause()

        harness.key(window, "K")
        verify(!checkpoints.enabled)
        player.seek(0)
        playUntilPaused()
        compare(player.position, player.count)
        verify(!checkpoints.open)
        harness.key(window, "K")
        verify(checkpoints.enabled)
    }
}
