#pragma once
// How one run's lines look in a chart that makes them as their first values arrive (Inside the
// server, Server cost): named after the run ("GIL threads (10) threads"), in the run's colour —
// or, for a single run, one colour per metric — faded when it is a kept run.

#include <QColor>
#include <QString>

#include <qcustomplot.h>

#include "charts/chart_style.hpp"
#include "charts/time_series_chart.hpp"
#include "presentation/presentation_legend.hpp"

namespace conclab::ui {

struct RunLook {
    QString prefix;  // the run's label and a space, or empty for a single run
    QColor color;
    bool ghost = false;
    bool metric_colors = false;

    // As ChartPanel::begin_run's arguments.
    static RunLook of(const QString& label, int color_index, bool ghost, bool metric_colors) {
        return {label.isEmpty() ? QString() : label + " ", series_color(color_index), ghost,
                metric_colors};
    }
    // A metric's line colour: its own (palette index `metric_color`) in a single run, else the
    // run's.
    QColor line_color(int metric_color) const {
        return metric_colors ? series_color(metric_color) : color;
    }
};

// Adds one of `run`'s lines to `chart` on `value_axis` and notes its run for grouped legends;
// returns the series.
inline int add_run_line(TimeSeriesChart& chart, const RunLook& run, const QString& name,
                        const QColor& color, Qt::PenStyle pen, QCPAxis* value_axis) {
    const int s = chart.add_series(run.prefix + name, color, run.ghost, pen);
    chart.graph(s)->setValueAxis(value_axis);
    set_run_prefix(chart.graph(s), run.prefix);
    return s;
}

}  // namespace conclab::ui
