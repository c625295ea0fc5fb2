// The code pane's width in the real window: dragging the divider between code and stage gives
// the code more room (and the stage less), the window keeps the width it was dragged to (which
// the settings remember), the stage always keeps 700 px, its trays hold their cards, and a double-click returns to the default.
import QtQuick
import QtTest
import "AppWindow.js" as AppWindow

TestCase {
    id: test
    name: "Panes"
    when: windowShown

    property var window: null

    function initTestCase() {
        harness.runScenario("cancel")
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

    // At the end of the run every finished task sits in its tray, inside its edges, and each
    // tray's heading shows whole, whatever the stage's width.
    function test_the_trays_hold_their_cards_at_any_width() {
        player.seek(player.count)
        for (const width of [1280, 1440, 1920]) {
            // The window system resizes the window a moment later; then the layout follows.
            window.width = width
            tryCompare(window.contentItem, "width", width)
            waitForRendering(window.contentItem)
            let cards = 0
            for (const place of ["done", "cancelled", "failed"]) {
                const tray = findChild(window.contentItem, "tray_" + place)
                verify(tray !== null, place)
                const heading = findChild(tray, "trayHeading")
                verify(!heading.truncated, place + " heading cut at " + width + ": " + heading.text)
                const left = tray.mapToItem(null, 0, 0).x
                const inTray = AppWindow.findItems(window.contentItem, (item) =>
                    item.compact === true && item.visible && item.status === place)
                for (const card of inTray) {
                    const x = card.mapToItem(null, 0, 0).x
                    verify(x >= left && x + card.width <= left + tray.width,
                           card.name + " sticks out of " + place + " at " + width)
                    ++cards
                }
            }
            verify(cards > 0, "no finished task on the stage")
        }
        window.width = 1440
        tryCompare(window.contentItem, "width", 1440)
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
