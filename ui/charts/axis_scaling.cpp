#include "charts/axis_scaling.hpp"

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

namespace conclab::ui {

std::optional<QCPRange> visible_value_range(QCustomPlot& plot, const QCPAxis* axis) {
    std::optional<QCPRange> out;
    for (int i = 0; i < plot.graphCount(); ++i) {
        if (plot.graph(i)->valueAxis() != axis) continue;
        bool found = false;
        const QCPRange r = plot.graph(i)->getValueRange(found, QCP::sdBoth, plot.xAxis->range());
        if (!found) continue;
        out = out ? QCPRange(std::min(out->lower, r.lower), std::max(out->upper, r.upper)) : r;
    }
    return out;
}

void make_log_axis(QCPAxis* axis) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
}

void show_right_log_axis(QCustomPlot& plot, const QString& label) {
    plot.yAxis2->setVisible(true);
    plot.yAxis2->setLabel(label);
    make_log_axis(plot.yAxis2);
    plot.yAxis2->setNumberFormat("gb");
}

void scale_log_axis(QCustomPlot& plot, QCPAxis* axis, double lowest_floor, const QCPRange& empty) {
    const std::optional<QCPRange> r = visible_value_range(plot, axis);
    if (!r || r->upper <= 0) {
        axis->setRange(empty);
        return;
    }
    const double floor_decade =
        std::pow(10.0, std::floor(std::log10(std::max(r->lower, lowest_floor))));
    axis->setRange(floor_decade, std::max(r->upper * 1.6, floor_decade * 100));
}

}  // namespace conclab::ui
