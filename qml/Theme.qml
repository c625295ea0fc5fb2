// Colours, fonts and sizes, in one place so the views agree (and presentation mode can later
// scale them). Colour is never the only cue: every coloured thing also carries a word.
pragma Singleton
import QtQuick

QtObject {
    readonly property color page: "#f4f5f7"
    readonly property color card: "#ffffff"
    readonly property color cardEdge: "#dde1e6"
    readonly property color ink: "#1f2328"
    readonly property color quietInk: "#59636e"
    readonly property color code: "#24292f"
    readonly property color codeInk: "#e6edf3"

    // Where a callback came from: already in the ready queue, or a timer that fell due.
    readonly property color readyFill: "#e6effc"
    readonly property color readyEdge: "#4a7fd6"
    readonly property color timerFill: "#fdf1dc"
    readonly property color timerEdge: "#c98a1b"

    readonly property string monospace: "DejaVu Sans Mono"
    readonly property int titleSize: 28
    readonly property int headingSize: 17
    readonly property int bodySize: 14
    readonly property int smallSize: 13
    readonly property int tinySize: 11
    readonly property int radius: 8
}
