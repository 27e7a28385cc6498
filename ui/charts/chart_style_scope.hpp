#pragma once
// Applies an export style to a chart panel for the duration of an export (chart files, reports),
// then puts the screen style back and repaints at once, so the screen never shows the export
// style.

#include <qcustomplot.h>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"

namespace conclab::ui {

class ChartStyleScope {
public:
    ChartStyleScope(ChartPanel& panel, const ChartStyle& style)
        : panel_(panel), saved_(panel.style()) {
        apply(style);
    }
    ~ChartStyleScope() { apply(saved_); }
    ChartStyleScope(const ChartStyleScope&) = delete;
    ChartStyleScope& operator=(const ChartStyleScope&) = delete;

private:
    void apply(const ChartStyle& style) {
        panel_.set_style(style);
        panel_.refresh();
        for (TimeSeriesChart* chart : panel_.charts()) {
            chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
        }
    }

    ChartPanel& panel_;
    ChartStyle saved_;
};

}  // namespace conclab::ui
