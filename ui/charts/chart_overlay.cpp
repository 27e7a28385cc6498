#include "charts/chart_overlay.hpp"

#include <algorithm>
#include <cmath>

namespace conclab::ui {

// Above the data (the "main" layer): a label's box hides the lines behind it.
ChartOverlay::ChartOverlay(QCustomPlot* plot) : QCPLayerable(plot, QStringLiteral("axes")) {}

void ChartOverlay::set_look(const QColor& foreground, const QColor& background, const QFont& font,
                            double line_width) {
    foreground_ = foreground;
    background_ = background;
    font_ = font;
    line_width_ = line_width;
}

void ChartOverlay::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    applyAntialiasingHint(painter, true, QCP::aeItems);
}

void ChartOverlay::draw(QCPPainter* painter) {
    const QRect area = mParentPlot->axisRect()->rect();
    label_rects_.clear();
    numbered_.clear();
    label_share_ = 0;
    for (Zero& z : zeros_) z.label = {};
    key_rect_ = {};
    if (area.width() < 10 || area.height() < 10) return;
    draw_zeros(painter, area);
    draw_markers(painter, area);
}

void ChartOverlay::draw_markers(QCPPainter* painter, const QRect& area) {
    if (markers_.empty()) return;
    const QCPAxis* x_axis = mParentPlot->xAxis;
    const QFontMetricsF metrics(font_);
    const double pad = std::max(2.0, metrics.height() * 0.15);
    const double row_height = metrics.height() + 2 * pad;
    // Whole labels in the upper part of the plot only, the data's own values run below; a
    // number, small, may go lower.
    const auto rows_in = [&](double share) {
        return std::max(1, static_cast<int>(area.height() * share / (row_height + 2)));
    };
    const int label_rows = rows_in(0.55);
    const int number_rows = rows_in(0.8);
    std::vector<std::vector<QRectF>> taken(static_cast<std::size_t>(number_rows));
    painter->save();
    painter->setClipRect(area);
    painter->setFont(font_);
    auto in_view = [&](double x) { return x >= area.left() - 0.5 && x <= area.right() + 0.5; };
    // Every line first, then the labels on their boxes: no line runs through a label's text.
    painter->setPen(QPen(foreground_, line_width_, Qt::DashLine));
    for (const Marker& m : markers_) {
        const double x = x_axis->coordToPixel(m.t_s);
        if (in_view(x)) painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    for (std::size_t i = 0; i < markers_.size(); ++i) {
        const double x = x_axis->coordToPixel(markers_[i].t_s);
        if (!in_view(x)) continue;  // scrolled out of view
        // The whole label where it fits; else its number, listed under the chart.
        const QString number = QString::number(i + 1);
        QRectF placed;
        bool found = false;
        for (const QString& text : {markers_[i].label, number}) {
            const double width = metrics.horizontalAdvance(text) + 2 * pad;
            if (width > area.width() - 4) continue;
            // Right of the line; left of it where the right edge is near; never past an edge.
            double left = x + 3;
            if (left + width > area.right() - 1) left = x - 3 - width;
            left = std::clamp(left, area.left() + 1.0, area.right() - 1.0 - width);
            const int rows = text == number ? number_rows : label_rows;
            for (int row = 0; row < rows && !found; ++row) {
                const QRectF box(left, area.top() + 2 + row * (row_height + 2), width, row_height);
                auto& in_row = taken[static_cast<std::size_t>(row)];
                const bool free = std::none_of(in_row.begin(), in_row.end(), [&](const QRectF& r) {
                    return r.adjusted(-3, 0, 3, 0).intersects(box);
                });
                if (free) {
                    in_row.push_back(box);
                    placed = box;
                    found = true;
                }
            }
            if (found) {
                if (text == number) numbered_.push_back(static_cast<int>(i + 1));
                painter->setPen(Qt::NoPen);
                painter->setBrush(background_);
                painter->drawRect(placed);
                painter->setPen(foreground_);
                painter->drawText(placed, Qt::AlignCenter, text);
                label_rects_.push_back(placed);
                if (text != number) {
                    label_share_ =
                        std::max(label_share_, (placed.bottom() - area.top() + 4) / area.height());
                }
                break;
            }
        }
    }
    draw_key(painter, area);
    painter->restore();
}

// The labels that showed only their number, in full: a box at the foot of the plot.
void ChartOverlay::draw_key(QCPPainter* painter, const QRect& area) {
    if (numbered_.empty()) return;
    QStringList entries;
    for (int n : numbered_) {
        entries << QStringLiteral("%1: %2").arg(n).arg(
            markers_[static_cast<std::size_t>(n - 1)].label);
    }
    const QFontMetricsF metrics(font_);
    const int flags = Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap;
    const QRectF bounds(area.left() + 4, area.top(), area.width() - 8, area.height() * 0.4);
    const QRectF needed = metrics.boundingRect(bounds, flags, entries.join(QStringLiteral(" · ")));
    key_rect_ =
        QRectF(bounds.left(), area.bottom() - 4 - std::min(needed.height(), bounds.height()),
               bounds.width(), std::min(needed.height(), bounds.height()));
    // At the foot of the plot, over its data: a veil, not a wall, so that a line there (a
    // replacement worker's few hundred requests/s) still shows through the key.
    QColor veil = background_;
    veil.setAlpha(150);
    painter->setPen(Qt::NoPen);
    painter->setBrush(veil);
    painter->drawRect(key_rect_.adjusted(-2, -2, 2, 2));
    painter->setPen(foreground_);
    painter->drawText(key_rect_, flags, entries.join(QStringLiteral(" · ")));
}

void ChartOverlay::set_zero_level(const QCPAxis* axis, double level) {
    auto it =
        std::find_if(zeros_.begin(), zeros_.end(), [&](const Zero& z) { return z.axis == axis; });
    if (it == zeros_.end()) {
        if (level > 0) zeros_.push_back({axis, level, {}});
    } else if (level > 0) {
        it->level = level;
    } else {
        zeros_.erase(it);
    }
}

QRectF ChartOverlay::zero_label_rect(const QCPAxis* axis) const {
    for (const Zero& z : zeros_) {
        if (z.axis == axis) return z.label;
    }
    return {};
}

// Zero has no place on a log axis: its points are drawn at the floor (TimeSeriesChart puts
// them there), and the floor says so with a dotted line and "0" where that axis's tick labels
// are (left of the plot for the left axis, right of it for a right one).
void ChartOverlay::draw_zeros(QCPPainter* painter, const QRect& area) {
    for (Zero& z : zeros_) {
        const QCPAxis* axis = z.axis;
        if (!axis || !axis->visible()) continue;
        const double y = axis->coordToPixel(z.level);
        if (y < area.top() || y > area.bottom() + 0.5) continue;
        painter->save();
        painter->setPen(QPen(foreground_, std::max(1.0, line_width_ * 0.6), Qt::DotLine));
        painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        const QFont font = axis->tickLabelFont();
        const QFontMetricsF metrics(font);
        const double width = metrics.horizontalAdvance(QStringLiteral("0"));
        const bool right = axis->axisType() == QCPAxis::atRight;
        const double left =
            right ? axis->axisRect()->right() + axis->offset() + axis->tickLabelPadding() + 2
                  : area.left() - axis->tickLabelPadding() - width - 2;
        // Under the lowest tick label above it when they would touch (a short plot's decade
        // is a few pixels): "0" never on "0.1".
        double label_top = y - metrics.height() / 2;
        for (const double tick : axis->tickVector()) {
            const double tick_y = axis->coordToPixel(tick);
            if (tick_y < y && tick_y + metrics.height() / 2 > label_top)
                label_top = tick_y + metrics.height() / 2;
        }
        z.label = QRectF(left, label_top, width, metrics.height());
        painter->setFont(font);
        painter->setPen(axis->tickLabelColor());
        painter->drawText(z.label, (right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                          QStringLiteral("0"));
        painter->restore();
    }
}

}  // namespace conclab::ui
