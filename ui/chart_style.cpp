#include "chart_style.hpp"

#include <QFontMetrics>

#include <algorithm>

#include <qcustomplot.h>

namespace conclab::ui {

QColor ChartStyle::background() const {
    return dark ? QColor(28, 30, 34) : QColor(Qt::white);
}
QColor ChartStyle::foreground() const {
    return dark ? QColor(230, 230, 230) : QColor(40, 40, 40);
}
QColor ChartStyle::grid() const {
    return dark ? QColor(70, 72, 78) : QColor(220, 220, 220);
}

QFont ChartStyle::font(double scale) const {
    QFont f;
    if (text_px > 0) {
        f.setPixelSize(std::max(1, qRound(text_px * scale)));
    } else {
        f.setPointSizeF((presentation ? 15.0 : 9.0) * scale);
    }
    return f;
}

QColor series_color(int index) {
    // A kept run (the ghost) is grey: no run's hue, so it is never taken for one of them.
    if (index < 0) return QColor(0x76, 0x76, 0x76);
    static constexpr QRgb kPalette[] = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                        0xE69F00, 0x56B4E9, 0xF0E442, 0x000000};
    return QColor(kPalette[index % 8]);
}

void apply_style(QCustomPlot& plot, const ChartStyle& style) {
    plot.setBackground(style.background());
    const QPen axis_pen(style.foreground(), style.presentation ? 2 : 1);
    for (QCPAxis* axis : plot.axisRect()->axes()) {
        axis->setBasePen(axis_pen);
        axis->setTickPen(axis_pen);
        axis->setSubTickPen(axis_pen);
        axis->setTickLabelColor(style.foreground());
        axis->setLabelColor(style.foreground());
        axis->setTickLabelFont(style.font());
        axis->setLabelFont(style.font(1.1));
        axis->grid()->setPen(QPen(style.grid(), 1, Qt::DotLine));
    }
    plot.legend->setFont(style.font(0.95));
    plot.legend->setTextColor(style.foreground());
    plot.legend->setBrush(style.dark ? QColor(40, 42, 48, 220) : QColor(255, 255, 255, 220));
    plot.legend->setBorderPen(QPen(style.grid()));
    // The line sample beside a legend entry grows with the text, or large type would sit beside
    // a stub of line too short to show its dash pattern.
    const int text_height = QFontMetrics(plot.legend->font()).height();
    plot.legend->setIconSize(std::max(32, text_height * 2), std::max(18, text_height));
    for (int i = 0; i < plot.graphCount(); ++i) {
        QPen pen = plot.graph(i)->pen();
        pen.setWidthF(style.line_width());
        plot.graph(i)->setPen(pen);
    }
}

}  // namespace conclab::ui
