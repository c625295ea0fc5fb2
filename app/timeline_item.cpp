#include "timeline_item.h"

#include <QColor>
#include <QCursor>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>
#include <algorithm>
#include <cmath>

#include "loop_stage.h"
#include "timeline_geometry.h"
#include "trace_store.h"

namespace loopscope::app {

namespace {

using trace::TaskStatus;

constexpr double kMinVisibleEvents = 8;  // zooming in stops at eight events across
constexpr double kMinVisibleSeconds = 1e-6;
constexpr double kDragThreshold = 4;  // pixels a press may move and still be a click
constexpr double kWheelZoomPerNotch = 1.25;
constexpr double kKeyZoom = 1.5;
constexpr double kKeyPanFraction = 0.2;

// Which status a merged pixel column shows: the one a learner most needs to see.
int priority(TaskStatus status) {
    switch (status) {
        case TaskStatus::Running:
            return 6;
        case TaskStatus::Failed:
            return 5;
        case TaskStatus::Cancelled:
            return 4;
        case TaskStatus::Ready:
            return 3;
        case TaskStatus::Waiting:
            return 2;
        case TaskStatus::Created:
            return 1;
        case TaskStatus::Done:
            return 0;
    }
    return 0;
}

// How much of the lane's height a status fills: running stands out, finished tasks fade.
double height_share(TaskStatus status) {
    switch (status) {
        case TaskStatus::Running:
            return 1.0;
        case TaskStatus::Ready:
            return 0.7;
        case TaskStatus::Waiting:
            return 0.45;
        case TaskStatus::Created:
            return 0.3;
        case TaskStatus::Done:
        case TaskStatus::Cancelled:
        case TaskStatus::Failed:
            return 0.25;
    }
    return 0.3;
}

QColor status_colour(TaskStatus status, double hue) {
    switch (status) {
        case TaskStatus::Running:
            return QColor::fromHsvF(static_cast<float>(hue), 0.7f, 0.8f);
        case TaskStatus::Ready:
            return QColor(0xf0, 0xb4, 0x29);
        case TaskStatus::Waiting:
            return QColor(0x9f, 0xb3, 0xc8);
        case TaskStatus::Created:
            return QColor(0xd0, 0xd7, 0xde);
        case TaskStatus::Done:
            return QColor(0xb8, 0xbe, 0xc4);
        case TaskStatus::Cancelled:
            return QColor(0xe0, 0x8a, 0x3c);
        case TaskStatus::Failed:
            return QColor(0xd6, 0x3f, 0x3f);
    }
    return Qt::gray;
}

// Marks and links: how close (in pixels) two of a kind may be drawn on one lane before the
// later ones merge into the first (docs/APP.md, "Timeline marks").
constexpr double kMarkBin = 8;
constexpr double kLinkBin = 4;
// Links are left out when one pixel column spans more events than this: they would be a solid
// wall of lines, and finding them would cost more than the frame.
constexpr double kMaxEventsPerPixelForLinks = 64;
// At most this many links of one merged column are drawn (they share an x; the rest are
// covered by them), and at most this many marks are looked at per lane per frame.
constexpr std::size_t kMaxLinksPerColumn = 64;
constexpr std::size_t kMaxMarksScanned = 4096;

QColor link_colour(TaskLanes::LinkKind kind) {
    switch (kind) {
        case TaskLanes::LinkKind::Await:
            return QColor(0x4d, 0x5e, 0x70);
        case TaskLanes::LinkKind::Wake:
            return QColor(0x1a, 0x8f, 0x3c);
        case TaskLanes::LinkKind::Cancel:
            return QColor(0xd0, 0x6f, 0x1a);
    }
    return Qt::gray;
}

}  // namespace

TimelineItem::TimelineItem(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents, true);
    setFlag(ItemIsFocusScope, false);
    setAcceptedMouseButtons(Qt::LeftButton);
    setActiveFocusOnTab(true);
    setClip(true);
}

void TimelineItem::setEngine(Engine* engine) {
    if (engine_ == engine) {
        return;
    }
    if (engine_ != nullptr) {
        disconnect(engine_, nullptr, this, nullptr);
    }
    engine_ = engine;
    if (engine_ != nullptr) {
        connect(engine_, &Engine::traceGrew, this, &TimelineItem::on_trace_grew);
        connect(engine_, &Engine::runStarted, this, [this] {
            follow_end_ = true;
            on_trace_grew();
        });
    }
    emit engineChanged();
    on_trace_grew();
}

void TimelineItem::setPlayer(Player* player) {
    if (player_ == player) {
        return;
    }
    if (player_ != nullptr) {
        disconnect(player_, nullptr, this, nullptr);
    }
    player_ = player;
    if (player_ != nullptr) {
        connect(player_, &Player::positionChanged, this, &QQuickItem::update);
    }
    emit playerChanged();
    update();
}

void TimelineItem::setTimeAxis(bool time_axis) {
    if (time_axis == time_axis_) {
        return;
    }
    time_axis_ = time_axis;
    fitAll();
}

void TimelineItem::setLaneHeight(double height) {
    if (height == lane_height_ || height <= 0) {
        return;
    }
    lane_height_ = height;
    emit viewChanged();
    update();
}

void TimelineItem::setLaneOffset(double offset) {
    offset = std::max(0.0, offset);
    if (offset == lane_offset_) {
        return;
    }
    lane_offset_ = offset;
    emit viewChanged();
    update();
}

void TimelineItem::setFollowEnd(bool follow) {
    if (follow == follow_end_) {
        return;
    }
    follow_end_ = follow;
    if (follow_end_) {
        fitAll();
    }
    emit viewChanged();
}

int TimelineItem::laneCount() const {
    return engine_ != nullptr ? static_cast<int>(engine_->store().lanes().lanes().size()) : 0;
}

QStringList TimelineItem::laneNames() const {
    QStringList names;
    if (engine_ == nullptr) {
        return names;
    }
    const TraceStore& store = engine_->store();
    const trace::State& latest = store.lanes().state();
    for (const TaskLanes::Lane& lane : store.lanes().lanes()) {
        const trace::State::Task* task = latest.task(lane.task);
        const std::string_view name = task != nullptr ? store.text(task->name) : std::string_view();
        names.append(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    }
    return names;
}

QVariantList TimelineItem::laneHues() const {
    QVariantList hues;
    if (engine_ == nullptr) {
        return hues;
    }
    for (const TaskLanes::Lane& lane : engine_->store().lanes().lanes()) {
        hues.append(task_hue(lane.task));
    }
    return hues;
}

QVariantList TimelineItem::laneTasks() const {
    QVariantList tasks;
    if (engine_ == nullptr) {
        return tasks;
    }
    for (const TaskLanes::Lane& lane : engine_->store().lanes().lanes()) {
        tasks.append(static_cast<int>(lane.task));
    }
    return tasks;
}

void TimelineItem::on_trace_grew() {
    if (laneCount() != known_lanes_) {
        known_lanes_ = laneCount();
        emit lanesChanged();
    }
    if (follow_end_) {
        view_start_ = 0;
        view_end_ = std::max(axis_end(), time_axis_ ? kMinVisibleSeconds : kMinVisibleEvents);
        emit viewChanged();
    }
    update();
}

double TimelineItem::axis_end() const {
    if (engine_ == nullptr) {
        return 0;
    }
    const TraceStore& store = engine_->store();
    return time_axis_ ? nanos_to_seconds(store.end_time()) : static_cast<double>(store.size());
}

double TimelineItem::axis_of_position(std::size_t position) const {
    if (!time_axis_) {
        return static_cast<double>(position);
    }
    if (engine_ == nullptr || position == 0) {
        return 0;
    }
    const TraceStore& store = engine_->store();
    return nanos_to_seconds(store.event(std::min(position, store.size()) - 1).time);
}

double TimelineItem::x_of(double axis) const {
    const double span = view_end_ - view_start_;
    return span <= 0 ? 0 : (axis - view_start_) / span * width();
}

double TimelineItem::axis_at(double x) const {
    return view_start_ + x / std::max(width(), 1.0) * (view_end_ - view_start_);
}

void TimelineItem::setView(double start, double end) {
    const double minimum = time_axis_ ? kMinVisibleSeconds : kMinVisibleEvents;
    if (end - start < minimum) {
        const double middle = (start + end) / 2;
        start = middle - minimum / 2;
        end = middle + minimum / 2;
    }
    const double span = end - start;
    const double limit = std::max(axis_end(), minimum);
    if (start < 0) {
        start = 0;
        end = span;
    }
    if (end > limit && span <= limit) {
        end = limit;
        start = limit - span;
    }
    view_start_ = start;
    view_end_ = std::min(end, std::max(limit, start + minimum));
    follow_end_ = view_start_ <= 0 && view_end_ >= limit;
    emit viewChanged();
    update();
}

void TimelineItem::zoom(double factor, double anchor_x) {
    if (factor <= 0) {
        return;
    }
    const double anchor = axis_at(anchor_x);
    setView(anchor - (anchor - view_start_) / factor, anchor + (view_end_ - anchor) / factor);
}

void TimelineItem::pan(double pixels) {
    const double delta = pixels / std::max(width(), 1.0) * (view_end_ - view_start_);
    setView(view_start_ + delta, view_end_ + delta);
}

void TimelineItem::fitAll() {
    view_start_ = 0;
    view_end_ = std::max(axis_end(), time_axis_ ? kMinVisibleSeconds : kMinVisibleEvents);
    follow_end_ = true;
    emit viewChanged();
    update();
}

int TimelineItem::positionAt(double x) const {
    if (engine_ == nullptr) {
        return 0;
    }
    const TraceStore& store = engine_->store();
    const double axis = axis_at(x);
    if (!time_axis_) {
        return static_cast<int>(
            std::clamp(std::llround(axis), 0LL, static_cast<long long>(store.size())));
    }
    const auto time = static_cast<Nanos>(std::llround(axis * 1e9));
    return static_cast<int>(std::min(store.first_event_at(time) + 1, store.size()));
}

double TimelineItem::xOfPosition(int position) const {
    return x_of(axis_of_position(static_cast<std::size_t>(std::max(position, 0))));
}

int TimelineItem::taskAt(double y) const {
    if (engine_ == nullptr || y < 0) {
        return 0;
    }
    const auto& lanes = engine_->store().lanes().lanes();
    const auto lane = static_cast<std::size_t>((y + lane_offset_) / lane_height_);
    return lane < lanes.size() ? static_cast<int>(lanes[lane].task) : 0;
}

void TimelineItem::geometryChange(const QRectF& new_geometry, const QRectF& old_geometry) {
    QQuickItem::geometryChange(new_geometry, old_geometry);
    update();
}

double TimelineItem::axis_of_event(std::uint32_t event) const {
    return time_axis_ ? nanos_to_seconds(engine_->store().event(event).time)
                      : static_cast<double>(event) + 0.5;
}

double TimelineItem::lane_top(std::size_t lane) const {
    return static_cast<double>(lane) * lane_height_ - lane_offset_;
}

TimelineItem::LaneRange TimelineItem::visible_lanes() const {
    const std::size_t count = engine_ != nullptr ? engine_->store().lanes().lanes().size() : 0;
    const auto first =
        std::min(count, static_cast<std::size_t>(std::max(0.0, lane_offset_ / lane_height_)));
    const auto end =
        std::min(count, static_cast<std::size_t>(
                            std::max(0.0, std::ceil((lane_offset_ + height()) / lane_height_))));
    return LaneRange{first, std::max(first, end)};
}

double TimelineItem::events_per_pixel() const {
    if (!time_axis_) {
        return (view_end_ - view_start_) / std::max(width(), 1.0);
    }
    const TraceStore& store = engine_->store();
    const auto at = [&store](double seconds) {
        return static_cast<double>(
            store.first_event_at(static_cast<Nanos>(std::llround(std::max(0.0, seconds) * 1e9))));
    };
    return (at(view_end_) - at(view_start_)) / std::max(width(), 1.0);
}

int TimelineItem::draw_segments(TimelineGeometry& shapes, const TaskLanes::Lane& lane, double top,
                                double bottom) const {
    const TraceStore& store = engine_->store();
    const double hue = task_hue(lane.task);
    const double axis_per_pixel = (view_end_ - view_start_) / width();
    const std::size_t event_count = store.size();
    const Nanos end_time = store.end_time();
    int rects = 0;
    // The first segment still going at the view's start.
    std::size_t s = 0;
    if (!time_axis_) {
        s = TaskLanes::segment_at(lane,
                                  static_cast<std::size_t>(std::max(0.0, std::floor(view_start_))));
    } else {
        const std::size_t first = store.first_event_at(
            static_cast<Nanos>(std::llround(std::max(0.0, view_start_) * 1e9)));
        s = TaskLanes::segment_at(lane, first == 0 ? 0 : first - 1);
    }
    bool bucket_open = false;
    double bucket_column = 0;
    TaskStatus bucket_status = TaskStatus::Done;
    const auto flush_bucket = [&] {
        if (!bucket_open) {
            return;
        }
        const double h = (bottom - top) * height_share(bucket_status);
        shapes.rect(bucket_column, bottom - h, bucket_column + 1, bottom,
                    status_colour(bucket_status, hue));
        ++rects;
        bucket_open = false;
    };
    for (; s < lane.segments.size(); ++s) {
        const TaskLanes::Segment& segment = lane.segments[s];
        const bool last = s + 1 == lane.segments.size();
        double begin = 0;
        double end = 0;
        if (time_axis_) {
            begin = nanos_to_seconds(store.event(segment.begin_event).time);
            end = nanos_to_seconds(last ? end_time
                                        : store.event(lane.segments[s + 1].begin_event).time);
        } else {
            begin = static_cast<double>(segment.begin_event);
            end = static_cast<double>(last ? event_count : lane.segments[s + 1].begin_event);
        }
        if (begin > view_end_) {
            break;
        }
        const double x0 = std::max(0.0, (begin - view_start_) / axis_per_pixel);
        const double x1 = std::min(width(), (end - view_start_) / axis_per_pixel);
        if (x1 < 0) {
            continue;
        }
        if (x1 - x0 >= 1) {
            flush_bucket();
            const double h = (bottom - top) * height_share(segment.status);
            shapes.rect(x0, bottom - h, x1, bottom, status_colour(segment.status, hue));
            ++rects;
            continue;
        }
        // Narrower than a pixel: merge into this pixel column.
        const double column = std::floor(x0);
        if (bucket_open && column == bucket_column) {
            if (priority(segment.status) > priority(bucket_status)) {
                bucket_status = segment.status;
            }
            continue;
        }
        flush_bucket();
        bucket_open = true;
        bucket_column = column;
        bucket_status = segment.status;
    }
    flush_bucket();
    return rects;
}

int TimelineItem::draw_marks(TimelineGeometry& shapes, const TaskLanes::Lane& lane, double top,
                             double bottom) const {
    const double axis_per_pixel = (view_end_ - view_start_) / width();
    const double radius = std::clamp((bottom - top) / 2 - 1, 3.0, 7.0);
    const double cy = (top + bottom) / 2;
    const QColor cancel = status_colour(TaskStatus::Cancelled, 0);
    const QColor failed = status_colour(TaskStatus::Failed, 0);
    const QColor halo(255, 255, 255, 235);
    // The first mark that can show: a glyph's radius left of the view.
    const double from_axis = view_start_ - (radius + 1) * axis_per_pixel;
    auto it = std::lower_bound(lane.marks.begin(), lane.marks.end(), from_axis,
                               [this](const TaskLanes::Mark& mark, double axis) {
                                   return axis_of_event(mark.event) < axis;
                               });
    // Per kind, the x of the last glyph drawn: a mark closer than kMarkBin to it merges.
    double last_x[3] = {-1e9, -1e9, -1e9};
    int drawn = 0;
    for (std::size_t scanned = 0; it != lane.marks.end() && scanned < kMaxMarksScanned;
         ++it, ++scanned) {
        const double x = (axis_of_event(it->event) - view_start_) / axis_per_pixel;
        if (x > width() + radius + 1) {
            break;
        }
        double& last = last_x[static_cast<int>(it->kind)];
        if (x - last < kMarkBin) {
            continue;
        }
        last = x;
        ++drawn;
        const double reach = radius * 0.68;  // the slash and the cross reach the rim
        switch (it->kind) {
            case TaskLanes::MarkKind::CancelRequested:  // ⊘ hollow: asked to stop
                shapes.disc(x, cy, radius + 1, 0, halo);
                shapes.disc(x, cy, radius, radius - 2, cancel);
                shapes.line(x - reach, cy + reach, x + reach, cy - reach, 2, cancel);
                break;
            case TaskLanes::MarkKind::CancelDelivered:  // ⊘ solid: CancelledError thrown in
                shapes.disc(x, cy, radius + 1, 0, halo);
                shapes.disc(x, cy, radius, 0, cancel);
                shapes.line(x - reach, cy + reach, x + reach, cy - reach, 2, halo);
                break;
            case TaskLanes::MarkKind::Failed:  // ✗: ended with an exception
                shapes.disc(x, cy, radius + 1, 0, halo);
                shapes.line(x - reach, cy - reach, x + reach, cy + reach, 2.5, failed);
                shapes.line(x - reach, cy + reach, x + reach, cy - reach, 2.5, failed);
                break;
        }
    }
    return drawn;
}

int TimelineItem::draw_links(TimelineGeometry& shapes, LaneRange visible) const {
    const TaskLanes& lanes = engine_->store().lanes();
    const auto& links = lanes.links();
    const double axis_per_pixel = (view_end_ - view_start_) / width();
    const double half = (lane_height_ - 2) / 2;
    const auto centre = [&](std::uint32_t lane) { return lane_top(lane) + half; };
    const auto shown = [&](std::uint32_t lane) {
        return lane >= visible.first && lane < visible.end;
    };
    const auto x_of_link = [&](std::uint32_t index) {
        const TaskLanes::Link& link = links[index];
        return (axis_of_event(link.event) - view_start_) / axis_per_pixel;
    };
    int drawn = 0;
    for (std::size_t l = visible.first; l < visible.end; ++l) {
        const auto& mine = lanes.lanes()[l].links;
        auto it =
            std::lower_bound(mine.begin(), mine.end(), -2.0,
                             [&](std::uint32_t index, double x) { return x_of_link(index) < x; });
        while (it != mine.end()) {
            const double x = x_of_link(*it);
            if (x > width() + 2) {
                break;
            }
            // Every link of this lane within kLinkBin pixels is drawn at this x: they overlap
            // into one vertical stroke with a head at each target (a gather's fan).
            const double bin_end = x + kLinkBin;
            bool any = false;
            std::size_t looked = 0;
            auto next = it;
            for (; next != mine.end() && x_of_link(*next) < bin_end; ++next) {
                if (looked++ >= kMaxLinksPerColumn) {
                    continue;
                }
                const TaskLanes::Link& link = links[*next];
                // Drawn once: from its source lane, or from its target's when the source is
                // out of sight.
                if (link.from != l && shown(link.from)) {
                    continue;
                }
                const QColor colour = link_colour(link.kind);
                const double y0 = std::clamp(centre(link.from), -4.0, height() + 4);
                const double y1 = std::clamp(centre(link.to), -4.0, height() + 4);
                const double tip = y1 + (y1 > y0 ? -half * 0.6 : half * 0.6);
                shapes.line(x, y0, x, tip, link.kind == TaskLanes::LinkKind::Await ? 1.5 : 2,
                            colour);
                if (shown(link.to)) {
                    shapes.head(x, y0, x, tip, std::min(7.0, half), colour);
                }
                if (shown(link.from)) {
                    shapes.disc(x, y0, 2.5, 0, colour);
                }
                any = true;
            }
            drawn += any ? 1 : 0;
            // Whatever the scan skipped past the cap is still before bin_end: jump over it.
            it = next;
        }
    }
    return drawn;
}

QSGNode* TimelineItem::updatePaintNode(QSGNode* old, UpdatePaintNodeData* /*data*/) {
    auto* node = static_cast<QSGGeometryNode*>(old);
    if (node == nullptr) {
        node = new QSGGeometryNode;
        auto* geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
    }

    vertices_.clear();
    TimelineGeometry shapes(vertices_);
    int rects = 0;
    int marks = 0;
    int links = 0;
    bool links_shown = false;
    if (engine_ != nullptr && width() > 0) {
        const auto& lanes = engine_->store().lanes().lanes();
        const LaneRange visible = visible_lanes();
        // Segments first, then the links over them, then the marks on top of everything.
        for (std::size_t l = visible.first; l < visible.end; ++l) {
            const double top = lane_top(l);
            rects += draw_segments(shapes, lanes[l], top, top + lane_height_ - 2);
        }
        links_shown = events_per_pixel() <= kMaxEventsPerPixelForLinks;
        if (links_shown) {
            links = draw_links(shapes, visible);
        }
        for (std::size_t l = visible.first; l < visible.end; ++l) {
            const double top = lane_top(l);
            marks += draw_marks(shapes, lanes[l], top, top + lane_height_ - 2);
        }
        if (player_ != nullptr) {
            const double x = xOfPosition(player_->position());
            if (x >= -2 && x <= width() + 2) {
                shapes.rect(x - 1, 0, x + 1, height(), QColor(0x1f, 0x23, 0x28));
                ++rects;
            }
        }
    }

    QSGGeometry* geometry = node->geometry();
    geometry->allocate(static_cast<int>(vertices_.size()));
    std::copy(vertices_.begin(), vertices_.end(), geometry->vertexDataAsColoredPoint2D());
    node->markDirty(QSGNode::DirtyGeometry);
    if (merged_rects_ != rects || marks_drawn_ != marks || links_drawn_ != links ||
        links_shown_ != links_shown) {
        merged_rects_ = rects;
        marks_drawn_ = marks;
        links_drawn_ = links;
        links_shown_ = links_shown;
        // Rendering may run on the scene graph thread: tell QML from the GUI thread.
        QMetaObject::invokeMethod(this, &TimelineItem::rendered, Qt::QueuedConnection);
    }
    return node;
}

void TimelineItem::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier || std::abs(angle.x()) > std::abs(angle.y())) {
        pan(-static_cast<double>(angle.x() != 0 ? angle.x() : angle.y()) / 120.0 * 40.0);
    } else {
        const double notches = static_cast<double>(angle.y()) / 120.0;
        zoom(std::pow(kWheelZoomPerNotch, notches), event->position().x());
    }
    event->accept();
}

void TimelineItem::mousePressEvent(QMouseEvent* event) {
    forceActiveFocus(Qt::MouseFocusReason);
    press_x_ = event->position().x();
    last_x_ = press_x_;
    dragged_ = false;
    event->accept();
}

void TimelineItem::mouseMoveEvent(QMouseEvent* event) {
    const double x = event->position().x();
    if (!dragged_ && std::abs(x - press_x_) < kDragThreshold) {
        return;
    }
    dragged_ = true;
    pan(last_x_ - x);
    last_x_ = x;
    event->accept();
}

void TimelineItem::mouseReleaseEvent(QMouseEvent* event) {
    if (!dragged_ && player_ != nullptr) {
        player_->seek(positionAt(event->position().x()));
        if (const int task = taskAt(event->position().y()); task != 0) {
            emit taskClicked(task);
        }
    }
    event->accept();
}

void TimelineItem::keyPressEvent(QKeyEvent* event) {
    const double middle = width() / 2;
    switch (event->key()) {
        case Qt::Key_W:
            zoom(kKeyZoom, player_ != nullptr ? xOfPosition(player_->position()) : middle);
            break;
        case Qt::Key_S:
            zoom(1 / kKeyZoom, player_ != nullptr ? xOfPosition(player_->position()) : middle);
            break;
        case Qt::Key_A:
            pan(-width() * kKeyPanFraction);
            break;
        case Qt::Key_D:
            pan(width() * kKeyPanFraction);
            break;
        case Qt::Key_Period:
            if (player_ != nullptr) {
                player_->stepForward();
            }
            break;
        case Qt::Key_Comma:
            if (player_ != nullptr) {
                player_->stepBack();
            }
            break;
        default:
            QQuickItem::keyPressEvent(event);
            return;
    }
    event->accept();
}

}  // namespace loopscope::app
