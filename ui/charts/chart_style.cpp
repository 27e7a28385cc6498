#include "charts/chart_style.hpp"

#include <QFontMetrics>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

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

namespace {

constexpr QRgb kPalette[] = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                             0xE69F00, 0x56B4E9, 0xF0E442, 0x000000};
// The same runs on the dark background, each ≥ 4.5 : 1 against it: Okabe-Ito's sky blue for its
// blue, its yellow for the sky blue that took the blue's place, a lighter vermilion, a
// periwinkle for the yellow, white for black.
constexpr QRgb kDarkPalette[] = {0x56B4E9, 0xE8743B, 0x009E73, 0xCC79A7,
                                 0xE69F00, 0xF0E442, 0xA3A3FF, 0xE6E6E6};
// A kept run is grey: no run's hue, so it is never taken for one of them.
constexpr QRgb kKeptGrey = 0x767676;
constexpr QRgb kDarkKeptGrey = 0x9A9A9A;

}  // namespace

QColor series_color(int index, bool dark) {
    if (index < 0) return QColor(dark ? kDarkKeptGrey : kKeptGrey);
    return QColor(dark ? kDarkPalette[index % 8] : kPalette[index % 8]);
}

QColor ChartStyle::shown(const QColor& color) const {
    if (!dark) return color;
    const QRgb rgb = color.rgb() & 0xFFFFFF;
    QColor out = color;
    for (int i = 0; i < 8; ++i) {
        if (rgb == kPalette[i]) out = QColor(kDarkPalette[i]);
    }
    if (rgb == kKeptGrey) out = QColor(kDarkKeptGrey);
    out.setAlpha(color.alpha());
    return out;
}

double contrast_ratio(const QColor& a, const QColor& b) {
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString dark_run_colors(QString html) {
    // In one pass over the names, so that a colour already turned is not turned again.
    static const QRegularExpression name(QStringLiteral("#[0-9a-fA-F]{6}"));
    const ChartStyle dark{true};
    QString out;
    qsizetype at = 0;
    for (auto it = name.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += html.mid(at, m.capturedStart() - at) + dark.shown(QColor(m.captured())).name();
        at = m.capturedEnd();
    }
    return out + html.mid(at);
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
