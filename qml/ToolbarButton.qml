// A compact toolbar button: an icon-like label, a fixed width and a tooltip that names the
// action and its key, so the transport bar fits at the window's minimum width (1280 px).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Button {
    // What the button does, with its shortcut: shown on hover (and read by screen readers).
    property string tip: ""

    // Presentation mode scales the toolbar with everything else (Theme.scale).
    Layout.preferredWidth: Math.round(34 * Theme.scale)
    font.pixelSize: Theme.bodySize
    leftPadding: 4
    rightPadding: 4
    ToolTip.visible: hovered && tip.length > 0
    ToolTip.text: tip
    Accessible.name: tip
}
