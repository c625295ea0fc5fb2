// The instructor's bookmarks as marks on a scrub slider: one small flag per bookmarked playhead
// position, placed where the slider's handle would stand there. Click one to jump to it.
import QtQuick
import QtQuick.Controls
import Loopscope

Item {
    id: marks

    // The slider the marks sit on (its from/to and geometry place them).
    required property Slider slider
    // Playhead positions, sorted.
    property var positions: []
    signal markClicked(int position)

    anchors.fill: slider

    Repeater {
        model: marks.positions
        Rectangle {
            required property int modelData
            readonly property real span: Math.max(1, marks.slider.to - marks.slider.from)
            readonly property real handleWidth: marks.slider.handle ? marks.slider.handle.width : 0
            x: marks.slider.leftPadding + handleWidth / 2
               + (modelData - marks.slider.from) / span * (marks.slider.availableWidth - handleWidth)
               - width / 2
            y: 0
            width: Math.max(4, Math.round(4 * Theme.scale))
            height: marks.height * 0.45
            radius: 1
            color: Theme.bookmark
            ToolTip.visible: flagMouse.containsMouse
            ToolTip.text: "bookmark at event " + modelData + " (] / [ to jump)"
            MouseArea {
                id: flagMouse
                anchors.fill: parent
                anchors.margins: -3
                hoverEnabled: true
                onClicked: marks.markClicked(parent.modelData)
            }
        }
    }
}
