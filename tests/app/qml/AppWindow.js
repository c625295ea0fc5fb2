// Helpers shared by the tst_*.qml files: the app's real window (Main.qml) over the test
// fixture's Engine, Player, LoopStage and CheckpointController.
.pragma library

// Creates Main.qml's window, shown and active (its shortcuts answer only in the focus window).
function create(test, harness, engine, player, stage, checkpoints) {
    const component = Qt.createComponent(harness.mainUrl)
    const ready = 1  // Component.Ready: a .pragma library script sees no QML enums
    test.verify(component.status === ready, component.errorString())
    const window = component.createObject(null, {
        engine: engine, player: player, stage: stage, checkpoints: checkpoints, animated: false
    })
    test.verify(window !== null, "Main.qml made no window")
    window.requestActivate()
    test.tryVerify(() => window.active, 5000, "the app's window never became active")
    return window
}

// The first item under `item` (depth first) for which `matches` is true.
function findItem(item, matches) {
    if (matches(item)) return item
    const children = item.children || []
    for (let i = 0; i < children.length; ++i) {
        const found = findItem(children[i], matches)
        if (found) return found
    }
    return null
}

// Clicks `item` once it stands still: a card that just changed what it shows lays itself out
// again (its height, and so its y, follow the content), and on a loaded machine that can take
// more than one frame. A click aimed at a moving item would land on whatever moved under it.
function clickWhenSettled(test, item) {
    let last = null
    test.tryVerify(() => {
        const at = item.mapToItem(null, 0, 0)
        const where = at.x + "," + at.y + "," + item.width + "x" + item.height
        const settled = where === last && item.visible && item.width > 0
        last = where
        if (!settled) test.wait(50)
        return settled
    }, 5000, "the item never stood still")
    test.mouseClick(item)
}

// Every item under `item` (depth first) for which `matches` is true.
function findItems(item, matches, found) {
    found = found || []
    if (matches(item)) found.push(item)
    const children = item.children || []
    for (let i = 0; i < children.length; ++i) findItems(children[i], matches, found)
    return found
}
