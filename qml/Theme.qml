// Colours, fonts and sizes, in one place so the views agree (and presentation mode scales
// them). Colour is never the only cue: every coloured thing also carries a word or an icon.
pragma Singleton
import QtQuick

QtObject {
    // Presentation mode scales every size (readable from the back of a room).
    property real scale: 1.0

    readonly property color page: "#f4f5f7"
    readonly property color panel: "#ffffff"
    readonly property color panelEdge: "#dde1e6"
    readonly property color ink: "#1f2328"
    readonly property color quietInk: "#59636e"
    readonly property color faintInk: "#8c959f"
    readonly property color code: "#24292f"
    readonly property color codeInk: "#e6edf3"
    readonly property color accent: "#4a7fd6"

    // One visual language per task state (the timeline uses the same colours).
    readonly property color running: "#2da44e"
    readonly property color ready: "#f0b429"
    readonly property color waiting: "#9fb3c8"
    readonly property color done: "#b8bec4"
    readonly property color cancelled: "#e08a3c"
    readonly property color failed: "#d63f3f"
    readonly property color timer: "#c98a1b"

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
        return hue < 0 ? quietInk : Qt.hsva(hue, 0.62, 0.78, 1)
    }
    function taskTint(hue) {
        return hue < 0 ? "#eef0f2" : Qt.hsva(hue, 0.14, 1.0, 1)
    }

    readonly property string monospace: "DejaVu Sans Mono"
    readonly property int titleSize: Math.round(22 * scale)
    readonly property int headingSize: Math.round(13 * scale)
    readonly property int bodySize: Math.round(13 * scale)
    readonly property int smallSize: Math.round(12 * scale)
    readonly property int tinySize: Math.round(10 * scale)
    readonly property int radius: 6

    readonly property int cardWidth: Math.round(148 * scale)
    readonly property int cardHeight: Math.round(46 * scale)
    readonly property int smallCardWidth: Math.round(112 * scale)
    readonly property int smallCardHeight: Math.round(24 * scale)
    readonly property int gap: Math.round(8 * scale)
    readonly property int moveDuration: 320
}
