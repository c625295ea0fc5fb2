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
