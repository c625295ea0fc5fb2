#pragma once

#include <QColor>
#include <QSGGeometry>
#include <vector>

namespace loopscope::app {

// The timeline draws everything (segments, marks, arrows, the playhead) as coloured triangles
// in one QSGGeometryNode: one draw call a frame, whatever is on screen. These append the
// triangles of one shape each.
class TimelineGeometry {
public:
    using Vertices = std::vector<QSGGeometry::ColoredPoint2D>;

    explicit TimelineGeometry(Vertices& out) : out_(out) {}

    void rect(double x0, double y0, double x1, double y1, const QColor& colour);
    // A straight stroke `width` pixels wide from (x0, y0) to (x1, y1).
    void line(double x0, double y0, double x1, double y1, double width, const QColor& colour);
    void triangle(double ax, double ay, double bx, double by, double cx, double cy,
                  const QColor& colour);
    // A filled disc, or with `inner` > 0 a ring of that inner radius.
    void disc(double cx, double cy, double radius, double inner, const QColor& colour);
    // An arrow head pointing from (fx, fy) towards (tx, ty), its tip at (tx, ty).
    void head(double fx, double fy, double tx, double ty, double size, const QColor& colour);

private:
    void vertex(double x, double y, const QColor& colour);

    Vertices& out_;
};

}  // namespace loopscope::app
