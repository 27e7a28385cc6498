#pragma once
// The latency percentile spectrum, as HdrHistogram plots it: latency (ms, logarithmic) against
// the percentile on a "nines" axis, x = −log10(1 − p/100), so that 90, 99, 99.9 and 99.99 are
// equally far apart and the tail is as wide as the median. One line per run (overlaid in
// Compare), redrawn from the run's summary (live from each snapshot, final at the end).

#include <vector>

#include "charts/time_series_chart.hpp"
#include "metrics/metrics.hpp"

namespace conclab::ui {

class SpectrumChart : public TimeSeriesChart {
    Q_OBJECT
public:
    explicit SpectrumChart(QWidget* parent = nullptr);

    // Replaces the series' points with the spectrum (empty: nothing completed yet).
    void set_spectrum(int series, const std::vector<LatencyPoint>& points);
    void refresh() override;

    // Where a percentile sits on the x axis; 100 (the maximum) just right of the last nine.
    static double nines(double percentile);
};

}  // namespace conclab::ui
