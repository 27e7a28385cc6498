#include "charts/spectrum_chart.hpp"

#include <QLocale>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

namespace conclab::ui {

namespace {

// The labelled percentiles; the maximum goes most of a nine right of 99.999.
constexpr double kTicks[] = {50, 90, 99, 99.9, 99.99, 99.999};
constexpr double kMaxX = 5.8;

}  // namespace

SpectrumChart::SpectrumChart(QWidget* parent)
    : TimeSeriesChart(tr("Latency by percentile"), tr("ms"), parent) {
    QCustomPlot* p = plot();
    p->xAxis->setLabel(tr("percentile (log of the nines)"));
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    for (double t : kTicks) ticker->addTick(nines(t), QLocale().toString(t, 'g', 6));
    ticker->addTick(kMaxX, tr("max"));
    p->xAxis->setTicker(ticker);
    set_log_y(true);
    setToolTip(
        tr("HdrHistogram's percentile distribution of the run's latencies (from each request's "
           "intended send time): a flat line = predictable; a line that turns up at 99 or 99.9 "
           "= a tail, e.g. requests queued behind CPU work or a GIL hand-off."));
}

double SpectrumChart::nines(double percentile) {
    if (percentile >= 100) return kMaxX;
    return -std::log10(1 - percentile / 100);
}

void SpectrumChart::set_spectrum(int series, const std::vector<LatencyPoint>& points) {
    if (!graph(series)) return;
    clear_series(series);
    // A percentile at 0 ms (faster than the histogram's resolution) is drawn at the axis
    // floor, marked "0", never dropped.
    for (const LatencyPoint& pt : points) append(series, nines(pt.percentile), pt.ms);
}

void SpectrumChart::refresh() {
    QCustomPlot* p = plot();
    p->xAxis->setRange(nines(50) - 0.15, kMaxX + 0.25);
    hide_zeros();  // the range is the measured values'; zeros go to its floor
    double lo = std::numeric_limits<double>::max(), hi = 0;
    for (int i = 0; i < p->graphCount(); ++i) {
        bool found = false;
        const QCPRange r = p->graph(i)->getValueRange(found);
        if (!found) continue;
        lo = std::min(lo, r.lower);
        hi = std::max(hi, r.upper);
    }
    if (hi <= 0) {
        p->yAxis->setRange(0.1, 10);
    } else {
        const double floor_decade = std::pow(10.0, std::floor(std::log10(std::max(lo, 1e-3))));
        // At least two decades: within one, the log ticker crowds its labels.
        p->yAxis->setRange(floor_decade, std::max(hi * 1.6, floor_decade * 100));
    }
    place_zeros(p->yAxis);
    p->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace conclab::ui
