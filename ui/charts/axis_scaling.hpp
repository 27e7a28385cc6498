#pragma once
// How the charts set and scale their value axes: to the data in view (an early spike must not
// flatten the present), and, for a logarithmic axis, to whole decades around it. QCustomPlot
// needs both a log scale type and a log ticker (with the scale alone the ticks stay linear).

#include <QString>

#include <optional>

#include <qcustomplot.h>

namespace conclab::ui {

// The lowest and highest value drawn on `axis` over the keys in view; empty when nothing is.
std::optional<QCPRange> visible_value_range(QCustomPlot& plot, const QCPAxis* axis);
// Turns `axis` logarithmic, with decade ticks.
void make_log_axis(QCPAxis* axis);
// Shows `plot`'s right axis, logarithmic, titled `label`, its numbers in plain notation ("0.001",
// "10000"): where a chart draws times, counts and rates beside the shares on its left axis.
void show_right_log_axis(QCustomPlot& plot, const QString& label);
// Scales the logarithmic `axis` of `plot` to the data drawn on it within the visible keys: from
// the decade at or below the smallest value (never below `lowest_floor`) to 1.6× the largest, at
// least two decades (within one, the log ticker crowds its labels); `empty` with nothing drawn.
void scale_log_axis(QCustomPlot& plot, QCPAxis* axis, double lowest_floor, const QCPRange& empty);

}  // namespace conclab::ui
