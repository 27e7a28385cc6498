#pragma once
// The charts of a concurrency sweep: throughput X(N) with the measured points, the fitted
// Universal Scalability Law, the linear ideal λN and the Amdahl bound (the fit's σ with κ = 0);
// and latency R(N), measured beside the fit's N / X(N). Several models overlaid, one colour
// each. Used live by the Sweep window and offscreen by `conclab-cli sweep --chart`.

#include <QString>
#include <QWidget>

#include <vector>

#include "core/result.hpp"
#include "experiment/sweep.hpp"

class QCustomPlot;
class QLabel;

namespace conclab::ui {

class CostChart;

// The fit as the GUI shows it: only with N = 1 and at least six points (Gunther's advice),
// else `why_not` says what is missing.
UslFit sweep_fit(const std::vector<SweepPoint>& points);
// "σ = 0.12 (0.10–0.14) · κ = 0.0003 (…) · N* = 57 · R² = 0.98", or why there is no fit.
QString fit_summary(const UslFit& fit);

class SweepChart : public QWidget {
    Q_OBJECT
public:
    explicit SweepChart(QWidget* parent = nullptr);

    void clear();
    int add_model(const QString& label);  // returns its index
    // Redraws model `index` with these points and this fit (not ok: points only).
    void set_model(int index, const std::vector<SweepPoint>& points, const UslFit& fit);
    void set_heading(const QString& title, const QString& subtitle);

    QCustomPlot* throughput_plot() const { return throughput_; }
    QCustomPlot* latency_plot() const { return latency_; }
    int model_count() const { return static_cast<int>(models_.size()); }
    // Graph indices of model `index` in throughput_plot(): measured, fit, ideal, amdahl.
    struct Graphs {
        int measured, fit, ideal, amdahl, latency_measured, latency_fit;
    };
    Graphs graphs(int index) const { return models_.at(static_cast<std::size_t>(index)); }
    QString title() const;
    QString subtitle() const;
    // The small print of an exported chart: what ran, where; empty: this machine only.
    void set_provenance(const QString& text);
    QString provenance() const { return provenance_; }

private:
    void rescale();

    QLabel* title_;
    QLabel* subtitle_;
    QCustomPlot* throughput_;
    QCustomPlot* latency_;
    std::vector<Graphs> models_;
    QString provenance_;
    double max_n_ = 1;
};

// "1 ms CPU + 0 ms I/O per request · 3 s per point after 1 s warm-up"
QString describe_sweep_workload(const SweepResult& sweep);
// Writes .png, .svg or .pdf by the extension (both charts side by side, title on top); never
// over an existing file unless `overwrite`; or says why not. With `cost` (a
// sweep of idle connections, whose X(N) has no fit to show) the page holds the cost chart alone,
// under the sweep chart's title and subtitle.
Result<void, QString> export_sweep_chart(SweepChart& chart, const QString& path, bool overwrite,
                                         CostChart* cost = nullptr);
// Headless (needs a QApplication): the sweeps overlaid, one model each.
Result<void, QString> export_sweeps(const std::vector<SweepResult>& sweeps, const QString& path,
                                    bool overwrite);

}  // namespace conclab::ui
