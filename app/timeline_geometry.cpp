#include "timeline_geometry.h"

#include <cmath>
#include <numbers>

namespace loopscope::app {

namespace {

// Enough sides for a disc a dozen pixels across to look round.
constexpr int kDiscSides = 12;

}  // namespace

void TimelineGeometry::vertex(double x, double y, const QColor& colour) {
    QSGGeometry::ColoredPoint2D p{};
    p.set(static_cast<float>(x), static_cast<float>(y), static_cast<uchar>(colour.red()),
          static_cast<uchar>(colour.green()), static_cast<uchar>(colour.blue()),
          static_cast<uchar>(colour.alpha()));
    out_.push_back(p);
}

void TimelineGeometry::triangle(double ax, double ay, double bx, double by, double cx, double cy,
                                const QColor& colour) {
    vertex(ax, ay, colour);
    vertex(bx, by, colour);
    vertex(cx, cy, colour);
}

void TimelineGeometry::rect(double x0, double y0, double x1, double y1, const QColor& colour) {
    triangle(x0, y0, x1, y0, x0, y1, colour);
    triangle(x1, y0, x1, y1, x0, y1, colour);
}

void TimelineGeometry::line(double x0, double y0, double x1, double y1, double width,
                            const QColor& colour) {
    const double dx = x1 - x0;
    const double dy = y1 - y0;
    const double length = std::hypot(dx, dy);
    if (length <= 0) {
        return;
    }
    // Half the width along the normal.
    const double nx = -dy / length * width / 2;
    const double ny = dx / length * width / 2;
    triangle(x0 + nx, y0 + ny, x1 + nx, y1 + ny, x0 - nx, y0 - ny, colour);
    triangle(x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny, colour);
}

void TimelineGeometry::disc(double cx, double cy, double radius, double inner,
                            const QColor& colour) {
    const double step = 2 * std::numbers::pi / kDiscSides;
    for (int i = 0; i < kDiscSides; ++i) {
        const double a0 = step * i;
        const double a1 = step * (i + 1);
        const double c0 = std::cos(a0);
        const double s0 = std::sin(a0);
        const double c1 = std::cos(a1);
        const double s1 = std::sin(a1);
        if (inner <= 0) {
            triangle(cx, cy, cx + radius * c0, cy + radius * s0, cx + radius * c1, cy + radius * s1,
                     colour);
            continue;
        }
        triangle(cx + inner * c0, cy + inner * s0, cx + radius * c0, cy + radius * s0,
                 cx + radius * c1, cy + radius * s1, colour);
        triangle(cx + inner * c0, cy + inner * s0, cx + radius * c1, cy + radius * s1,
                 cx + inner * c1, cy + inner * s1, colour);
    }
}

void TimelineGeometry::head(double fx, double fy, double tx, double ty, double size,
                            const QColor& colour) {
    const double dx = tx - fx;
    const double dy = ty - fy;
    const double length = std::hypot(dx, dy);
    if (length <= 0) {
        return;
    }
    const double ux = dx / length;
    const double uy = dy / length;
    const double bx = tx - ux * size;
    const double by = ty - uy * size;
    triangle(tx, ty, bx - uy * size * 0.55, by + ux * size * 0.55, bx + uy * size * 0.55,
             by - ux * size * 0.55, colour);
}

}  // namespace loopscope::app
