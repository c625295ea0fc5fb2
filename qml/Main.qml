// The placeholder main window: a built-in demo's Python on the left, what each loop
// iteration did on the right. Presentation only; the app runs the demo and builds the model.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Loopscope
import "Phrases.js" as Phrases

Window {
    id: root

    required property LoopIterationModel iterations
    required property string demoSource

    width: 1120
    height: 720
    minimumWidth: 900
    minimumHeight: 680
    visible: true
    title: "Loopscope"
    color: Theme.page

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 18

        ColumnLayout {
            spacing: 4

            Text {
                text: "Loopscope"
                color: Theme.ink
                font.pixelSize: Theme.titleSize
                font.bold: true
            }
            Text {
                text: "How asyncio's event loop runs callbacks: a small demo, run on Loopscope's own event loop with a virtual clock."
                color: Theme.quietInk
                font.pixelSize: Theme.bodySize + 1
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        RowLayout {
            spacing: 24
            Layout.fillWidth: true
            Layout.fillHeight: true

            // The demo as Python, and what to look for in the trace.
            ColumnLayout {
                spacing: 10
                Layout.preferredWidth: 380
                Layout.maximumWidth: 380
                Layout.minimumWidth: 340
                Layout.fillHeight: true
                Layout.alignment: Qt.AlignTop

                SectionTitle { text: "The demo" }

                Rectangle {
                    color: Theme.code
                    radius: Theme.radius
                    Layout.fillWidth: true
                    Layout.minimumWidth: source.implicitWidth + 28
                    implicitHeight: source.implicitHeight + 28

                    Text {
                        id: source
                        anchors.fill: parent
                        anchors.margins: 14
                        text: root.demoSource
                        color: Theme.codeInk
                        font.family: Theme.monospace
                        font.pixelSize: Theme.smallSize
                        lineHeight: 1.25
                    }
                }

                SectionTitle {
                    text: "What to notice"
                    Layout.topMargin: 8
                }

                Repeater {
                    model: [
                        "greet_again() runs one iteration after greet(): a callback scheduled while the loop runs waits for the next iteration.",
                        "When nothing is ready, the virtual clock jumps straight to the earliest timer instead of waiting.",
                        "The eight ticks share one deadline and fire in the same iteration, in heapq order rather than the order they were scheduled: the same order CPython 3.12 gives."
                    ]
                    delegate: RowLayout {
                        id: note

                        required property string modelData
                        required property int index

                        spacing: 8
                        Layout.fillWidth: true

                        Text {
                            text: (note.index + 1) + "."
                            color: Theme.quietInk
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            Layout.alignment: Qt.AlignTop
                        }
                        Text {
                            text: note.modelData
                            color: Theme.ink
                            font.pixelSize: Theme.bodySize
                            wrapMode: Text.WordWrap
                            lineHeight: 1.15
                            Layout.fillWidth: true
                        }
                    }
                }

                Item { Layout.fillHeight: true }
            }

            // The trace, one card per loop iteration.
            ColumnLayout {
                spacing: 10
                Layout.fillWidth: true
                Layout.fillHeight: true

                RowLayout {
                    spacing: 16
                    Layout.fillWidth: true

                    SectionTitle { text: "What the loop did" }
                    Item { Layout.fillWidth: true }
                    LegendEntry { fill: Theme.readyFill; edge: Theme.readyEdge; text: "was ready" }
                    LegendEntry { fill: Theme.timerFill; edge: Theme.timerEdge; text: "timer fell due" }
                }

                Text {
                    text: Phrases.count(iterationList.count, "iteration", "iterations") + ", "
                          + Phrases.count(root.iterations.callbackCount, "callback", "callbacks")
                          + " in the order they ran, "
                          + Phrases.count(root.iterations.eventCount, "trace event", "trace events")
                          + " recorded."
                    color: Theme.quietInk
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                ListView {
                    id: iterationList
                    model: root.iterations
                    spacing: 8
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    ScrollBar.vertical: ScrollBar {}
                    // Room on the right for the scroll bar.
                    delegate: IterationCard { width: ListView.view.width - 12 }
                }
            }
        }

        Text {
            text: "This window is a placeholder: the full visualizer (task stage, timeline, code editor and lessons) is coming."
            color: Theme.quietInk
            font.pixelSize: Theme.smallSize
            font.italic: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    component SectionTitle: Text {
        color: Theme.ink
        font.pixelSize: Theme.headingSize
        font.bold: true
    }

    component LegendEntry: Row {
        id: entry

        property color fill
        property color edge
        property alias text: label.text

        spacing: 6

        Rectangle {
            width: 14
            height: 14
            radius: 3
            color: entry.fill
            border.color: entry.edge
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            id: label
            color: Theme.quietInk
            font.pixelSize: Theme.smallSize
        }
    }
}
