// The code pane's width in the real window: dragging the divider between code and stage gives
// the code more room (and the stage less), the window keeps the width it was dragged to (which
// the settings remember), the stage always keeps 700 px, and a double-click returns to the default.
import QtQuick
import QtTest
import "AppWindow.js" as AppWindow

TestCase {
    id: test
    name: "Panes"
    when: windowShown

    property var window: null

    function initTestCase() {
        harness.runScenario("gather")
        window = AppWindow.create(test, harness, engine, player, stage, checkpoints)
    }

    function cleanupTestCase() {
        if (window) window.destroy()
    }

    function dragDivider(by) {
        const divider = findChild(window.contentItem, "codeDivider")
        verify(divider !== null)
        const y = divider.height / 2
        mousePress(divider, divider.width / 2, y)
        // In steps, as a hand moves: each move reports a width.
        for (let step = 1; step <= 5; ++step)
            mouseMove(divider, divider.width / 2 + by * step / 5, y)
        mouseRelease(divider, divider.width / 2 + by, y)
        waitForRendering(window.contentItem)
        return divider
    }

    function test_dragging_the_divider_widens_the_code_and_double_click_resets() {
        const code = findChild(window.contentItem, "codeColumn")
        const stageView = findChild(window.contentItem, "stageView")
        const codeBefore = code.width
        const stageBefore = stageView.width

        const divider = dragDivider(150)
        fuzzyCompare(code.width, codeBefore + 150, 2)
        fuzzyCompare(stageView.width, stageBefore - 150, 2)
        fuzzyCompare(window.codePaneWidth, codeBefore + 150, 2)

        // Far to the right: the code stops where the stage would get too narrow to draw in.
        dragDivider(2000)
        verify(code.width > codeBefore + 150, code.width)
        verify(stageView.width >= 699, stageView.width)

        mouseDoubleClickSequence(divider, divider.width / 2, divider.height / 2)
        compare(window.codePaneWidth, 0)
        tryVerify(() => Math.abs(code.width - codeBefore) <= 1, 2000, "width after reset: " + code.width)
    }
}
