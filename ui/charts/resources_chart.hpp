#pragma once
// The seventh chart, "Server cost": what the server's processes hold while they serve, per
// tick — resident memory on the left axis, threads and context switches per second on a
// logarithmic right axis (3 threads and 10,000 switches/s are both readable). It is the other
// half of why an event loop holds thousands of connections where a thread per connection cannot:
// under idle connections (--idle-connections) a thread per connection's threads climb with the
// connections while the event loop's stay flat, and memory grows by the KiB each one costs.
//
// Lines appear with their first reading, so a real server measured without --target-pid (which
// has none) draws nothing. When a run ends, its memory line's legend gives the run's memory per
// connection (Summary::resources, the slope of memory against connections).

#include <QString>

#include <array>
#include <optional>
#include <vector>

#include "charts/run_look.hpp"
#include "charts/time_series_chart.hpp"
#include "metrics/metrics.hpp"

namespace conclab::ui {

class ResourcesChart : public TimeSeriesChart {
    Q_OBJECT
public:
    explicit ResourcesChart(QWidget* parent = nullptr);

    // As ChartPanel::begin_run: a run's lines share its colour unless `metric_colors`.
    int begin_run(const QString& label, int color_index, bool ghost, bool metric_colors);
    void add_samples(int run, const std::vector<MetricsSample>& samples);
    // The finished run's memory per connection, into its memory line's legend entry.
    void set_memory_per_connection(int run, const std::optional<MemoryPerConnection>& slope);
    // A legend entry for the empty chart before the first run (an empty legend squeezes the axes).
    void show_placeholder();
    void clear() override;
    void refresh() override;

    enum class Line { Memory, Threads, ContextSwitches };
    // The series of `line` of `run`, or -1 when it has had no reading yet.
    int series_of(int run, Line line) const;

private:
    struct Run {
        RunLook look;
        std::array<int, 3> series{-1, -1, -1};  // by Line
    };
    int line_for(Run& run, Line line);

    std::vector<Run> runs_;
};

}  // namespace conclab::ui
