#pragma once

#include <QPointer>
#include <QQuickItem>
#include <QSGGeometry>
#include <QStringList>
#include <QVariantList>
#include <vector>

#include "engine.h"
#include "player.h"
#include "task_lanes.h"

class QSGGeometryNode;

namespace loopscope::app {

class TimelineGeometry;

// The timeline: one lane per task, coloured by the task's status over the run, and the
// playhead. Like Qt Creator's TimelineRenderer it is one scene-graph item that draws only the
// visible range, from sorted segments found by binary search (TaskLanes), and merges whatever
// falls within one pixel column into one rectangle whose colour is the most telling status
// among them (running before ready before waiting), so a million events cost no more to draw
// than the pixels they cover.
//
// The horizontal axis is the event index (every step gets room, even those that take no loop
// time on the virtual clock) or loop time (`timeAxis`). viewStart/viewEnd are the visible range
// in axis units (events, or seconds). Wheel zooms around the pointer, drag pans, a click seeks;
// W/S zoom, A/D pan, '.' / ',' step to the next / previous event (Perfetto's keys).
//
// Over the lanes it draws the causes (TaskLanes' marks and links): ⊘ hollow where a cancel was
// requested, ⊘ solid where CancelledError was thrown in, ✗ where a task failed; a vertical
// arrow from a task to the task it awaits (slate), from the task whose step woke another to it
// (green), from a canceller to the task it cancels (orange). Marks of one kind closer than 8 px
// on a lane merge into the first; links closer than 4 px on a lane share one stroke; links are
// left out while a pixel spans more than 64 events (`linksShown`).
class TimelineItem : public QQuickItem {
    Q_OBJECT
    Q_PROPERTY(loopscope::app::Engine* engine READ engine WRITE setEngine NOTIFY engineChanged)
    Q_PROPERTY(loopscope::app::Player* player READ player WRITE setPlayer NOTIFY playerChanged)
    Q_PROPERTY(bool timeAxis READ timeAxis WRITE setTimeAxis NOTIFY viewChanged)
    Q_PROPERTY(double viewStart READ viewStart NOTIFY viewChanged)
    Q_PROPERTY(double viewEnd READ viewEnd NOTIFY viewChanged)
    Q_PROPERTY(double laneHeight READ laneHeight WRITE setLaneHeight NOTIFY viewChanged)
    Q_PROPERTY(double laneOffset READ laneOffset WRITE setLaneOffset NOTIFY viewChanged)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY lanesChanged)
    Q_PROPERTY(QStringList laneNames READ laneNames NOTIFY lanesChanged)
    Q_PROPERTY(QVariantList laneHues READ laneHues NOTIFY lanesChanged)
    Q_PROPERTY(QVariantList laneTasks READ laneTasks NOTIFY lanesChanged)
    Q_PROPERTY(bool followEnd READ followEnd WRITE setFollowEnd NOTIFY viewChanged)
    Q_PROPERTY(int mergedRects READ mergedRects NOTIFY rendered)
    Q_PROPERTY(int marksDrawn READ marksDrawn NOTIFY rendered)
    Q_PROPERTY(int linksDrawn READ linksDrawn NOTIFY rendered)
    Q_PROPERTY(bool linksShown READ linksShown NOTIFY rendered)

public:
    explicit TimelineItem(QQuickItem* parent = nullptr);

    Engine* engine() const { return engine_; }
    void setEngine(Engine* engine);
    Player* player() const { return player_; }
    void setPlayer(Player* player);
    bool timeAxis() const { return time_axis_; }
    void setTimeAxis(bool time_axis);
    double viewStart() const { return view_start_; }
    double viewEnd() const { return view_end_; }
    double laneHeight() const { return lane_height_; }
    void setLaneHeight(double height);
    double laneOffset() const { return lane_offset_; }
    void setLaneOffset(double offset);
    int laneCount() const;
    QStringList laneNames() const;
    QVariantList laneHues() const;
    QVariantList laneTasks() const;  // the task id of each lane
    bool followEnd() const { return follow_end_; }
    void setFollowEnd(bool follow);
    // Rectangles drawn in the last frame (tests check that merging bounds them).
    int mergedRects() const { return merged_rects_; }
    // Marks (after merging) and link strokes drawn in the last frame; whether links were drawn
    // at all (not while the view is too dense for them).
    int marksDrawn() const { return marks_drawn_; }
    int linksDrawn() const { return links_drawn_; }
    bool linksShown() const { return links_shown_; }

    // Shows [start, end) in axis units.
    Q_INVOKABLE void setView(double start, double end);
    // Zooms by `factor` (> 1 zooms in) keeping the axis value under `anchor_x` in place.
    Q_INVOKABLE void zoom(double factor, double anchor_x);
    // Moves the view by `pixels` (positive: later).
    Q_INVOKABLE void pan(double pixels);
    // Shows the whole trace.
    Q_INVOKABLE void fitAll();
    // The playhead position (events applied) at `x`, for seeking.
    Q_INVOKABLE int positionAt(double x) const;
    // The x of a playhead position.
    Q_INVOKABLE double xOfPosition(int position) const;
    // The task whose lane is at `y`, 0 if none.
    Q_INVOKABLE int taskAt(double y) const;

signals:
    void engineChanged();
    void playerChanged();
    void viewChanged();
    void lanesChanged();
    void rendered();
    // A click (not a drag) on a lane: the playhead moved there and this task was picked.
    void taskClicked(int taskId);

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData* data) override;
    void geometryChange(const QRectF& new_geometry, const QRectF& old_geometry) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct LaneRange {
        std::size_t first = 0;
        std::size_t end = 0;  // one past the last lane in sight
    };

    void on_trace_grew();
    LaneRange visible_lanes() const;
    double lane_top(std::size_t lane) const;
    // Where a mark or a link at this event sits on the axis (the middle of its event's column).
    double axis_of_event(std::uint32_t event) const;
    double events_per_pixel() const;
    int draw_segments(TimelineGeometry& shapes, const TaskLanes::Lane& lane, double top,
                      double bottom) const;
    int draw_marks(TimelineGeometry& shapes, const TaskLanes::Lane& lane, double top,
                   double bottom) const;
    int draw_links(TimelineGeometry& shapes, LaneRange visible) const;
    double axis_end() const;  // the whole trace in axis units
    double axis_of_position(std::size_t position) const;
    double x_of(double axis) const;
    double axis_at(double x) const;

    QPointer<Engine> engine_;
    QPointer<Player> player_;
    bool time_axis_ = false;
    bool follow_end_ = true;
    double view_start_ = 0;
    double view_end_ = 1;
    double lane_height_ = 22;
    double lane_offset_ = 0;
    int known_lanes_ = 0;
    int merged_rects_ = 0;
    int marks_drawn_ = 0;
    int links_drawn_ = 0;
    bool links_shown_ = false;
    // Reused frame to frame, so drawing allocates nothing once it has grown.
    std::vector<QSGGeometry::ColoredPoint2D> vertices_;
    // Mouse: a press that moves is a pan, one that does not is a seek.
    double press_x_ = 0;
    double last_x_ = 0;
    bool dragged_ = false;
};

}  // namespace loopscope::app
