// Colours, fonts and sizes, in one place so the views agree (and presentation mode scales
// them). Colour is never the only cue: every coloured thing also carries a word or an icon.
pragma Singleton
import QtQuick

QtObject {
    // Presentation mode scales every size (readable from the back of a room).
    property real scale: 1.0
    // The palette: "light" (the default), "dark", or "contrast" (high contrast, for projectors:
    // black ground, white ink, saturated states).
    property string name: "light"
    readonly property var names: ["light", "dark", "contrast"]
    readonly property bool darkGround: name !== "light"
    // Cycles through the palettes (the T key).
    function nextTheme() { name = names[(names.indexOf(name) + 1) % names.length] }
    // The colour for the current palette.
    function pick(light, dark, contrast) {
        return name === "contrast" ? contrast : name === "dark" ? dark : light
    }

    readonly property color page: pick("#f4f5f7", "#0d1117", "#000000")
    readonly property color panel: pick("#ffffff", "#161b22", "#000000")
    readonly property color panelEdge: pick("#dde1e6", "#30363d", "#ffffff")
    // A quiet fill inside a panel (trays, lane stripes, boxes).
    readonly property color subtle: pick("#f6f8fa", "#1c2128", "#111111")
    readonly property color subtleAlt: pick("#fbfcfd", "#181d24", "#1e1e1e")
    readonly property color selection: pick("#dde7f5", "#1f3a5f", "#003c8f")
    readonly property color ink: pick("#1f2328", "#e6edf3", "#ffffff")
    readonly property color quietInk: pick("#59636e", "#9da7b3", "#f0f0f0")
    readonly property color faintInk: pick("#8c959f", "#6e7781", "#d0d0d0")
    readonly property color code: pick("#24292f", "#0d1117", "#000000")
    readonly property color codeInk: pick("#e6edf3", "#e6edf3", "#ffffff")
    readonly property color accent: pick("#4a7fd6", "#58a6ff", "#ffd400")

    // One visual language per task state (the timeline uses the same colours).
    readonly property color running: pick("#2da44e", "#3fb950", "#00e000")
    readonly property color ready: pick("#f0b429", "#d29922", "#ffd400")
    readonly property color waiting: pick("#9fb3c8", "#6e8aa8", "#66b3ff")
    readonly property color done: pick("#b8bec4", "#6e7681", "#c0c0c0")
    readonly property color cancelled: pick("#e08a3c", "#db6d28", "#ff8c00")
    readonly property color failed: pick("#d63f3f", "#f85149", "#ff3030")
    readonly property color timer: pick("#c98a1b", "#d29922", "#ffd400")
    // Bookmarks on the scrub bar.
    readonly property color bookmark: pick("#8250df", "#a371f7", "#ff40ff")

    function stateColour(status) {
        switch (status) {
        case "running": return running
        case "ready": return ready
        case "waiting": return waiting
        case "cancelled": return cancelled
        case "failed": return failed
        default: return done
        }
    }
    // The icon that says the state without colour.
    function stateIcon(status) {
        switch (status) {
        case "running": return "▶"
        case "ready": return "…"
        case "waiting": return "‖"
        case "done": return "✓"
        case "cancelled": return "⊘"
        case "failed": return "✗"
        default: return "·"
        }
    }
    // A task's own colour, from the hue the models give it (negative: no task).
    function taskColour(hue) {
        return hue < 0 ? quietInk : darkGround ? Qt.hsva(hue, 0.55, 1.0, 1) : Qt.hsva(hue, 0.62, 0.78, 1)
    }
    function taskTint(hue) {
        if (darkGround) return hue < 0 ? subtle : Qt.hsva(hue, 0.45, name === "contrast" ? 0.30 : 0.25, 1)
        return hue < 0 ? "#eef0f2" : Qt.hsva(hue, 0.14, 1.0, 1)
    }

    readonly property string monospace: "DejaVu Sans Mono"
    readonly property int titleSize: Math.round(22 * scale)
    readonly property int headingSize: Math.round(13 * scale)
    readonly property int bodySize: Math.round(13 * scale)
    readonly property int smallSize: Math.round(12 * scale)
    readonly property int tinySize: Math.round(10 * scale)
    readonly property int radius: 6
    // Lines and outlines: thicker on a projector and in high contrast.
    readonly property int stroke: Math.max(1, Math.round((name === "contrast" ? 2 : 1) * scale))
    // Sizes the timeline and the panes are laid out with.
    readonly property int laneHeight: Math.round(20 * scale)
    readonly property int laneNameWidth: Math.round(120 * scale)
    readonly property int paneHeight: Math.round(230 * scale)

    readonly property int cardWidth: Math.round(148 * scale)
    readonly property int cardHeight: Math.round(46 * scale)
    readonly property int smallCardWidth: Math.round(112 * scale)
    readonly property int smallCardHeight: Math.round(24 * scale)
    readonly property int gap: Math.round(8 * scale)
    readonly property int moveDuration: 320
}
