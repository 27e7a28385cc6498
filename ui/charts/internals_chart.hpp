#pragma once
// The fifth chart, "Inside the server": what each model measured about its own scheduling, on
// the same time axis as the effects. Event loop: loop delay (p99, max) and utilisation; GIL
// threads: GIL held, threads waiting, wait p99, hand-offs and forced drops; process per core:
// one requests/s line per worker PID, beside the inner model's internals (mean over workers).
//
// A line is created when its first value arrives, so a run shows only its model's lines, and a
// worker that replaces a killed one gets a line of its own. Shares (%) are on the left axis,
// 0–100; times, thread counts and GIL rates on a logarithmic right axis, so that 0.2 ms of loop
// delay and 200 hand-offs/s are both readable; the workers' requests/s on a linear axis of their
// own, further right, where a worker that gets nothing is a line at zero. Hovering a legend
// entry says what the line is in Node or CPython terms.

#include <QString>

#include <array>
#include <map>
#include <string_view>
#include <vector>

#include "charts/run_look.hpp"
#include "charts/time_series_chart.hpp"
#include "metrics/metrics.hpp"

class QCPAxis;

namespace conclab::ui {

class InternalsChart : public TimeSeriesChart {
    Q_OBJECT
public:
    explicit InternalsChart(QWidget* parent = nullptr);

    // As ChartPanel::begin_run: a run's lines share its colour unless `metric_colors`.
    int begin_run(const QString& label, int color_index, bool ghost, bool metric_colors);
    void add_samples(int run, const std::vector<MetricsSample>& samples);
    // A legend entry for the empty chart before the first run (an empty legend squeezes the axes).
    void show_placeholder();
    void clear() override;
    void refresh() override;

    // The series of `key` (a kInternalsFields key) of `run`, or -1 when it has no value yet.
    int series_of(int run, std::string_view key) const;
    // The worker PIDs that have a line in `run`, in the order they appeared.
    std::vector<int> worker_pids(int run) const;
    int worker_series(int run, int pid) const;  // -1 when absent

private:
    struct Run {
        RunLook look;
        std::array<int, kInternalsFields.size()> series{};
        std::map<int, int> workers;  // pid → series
        std::vector<int> worker_order;
    };
    int line_for(Run& run, std::size_t field);
    int worker_line(Run& run, int pid);
    QCPAxis* workers_axis();

    std::vector<Run> runs_;
    QCPAxis* workers_axis_ = nullptr;  // created with the first worker line
};

}  // namespace conclab::ui
